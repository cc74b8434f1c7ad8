using System.Text.Json;
using ActorTrader.Research.Fitness;

namespace ActorTrader.Research.Evaluation.Distributed;

/// <summary>
/// What, besides the window and the genome, decides an evaluator's results: its kind and, for the walk-forward evaluator,
/// its fitness settings (as JSON). Two nodes whose evaluators have the same identity on the same window give bit-identical
/// results; a node whose identity differs refuses the work, and the identity is part of the work key, so results of other
/// settings are never reused.
/// </summary>
public static class EvaluatorIdentity
{
    public static string Of(IFitnessEvaluator evaluator)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        return evaluator is WalkForwardFitnessEvaluator walkForward
            ? "walk-forward " + JsonSerializer.Serialize(walkForward.Settings, EvaluationJson.Options)
            : evaluator.GetType().FullName ?? evaluator.GetType().Name;
    }
}
