using ActorTrader.Research.Fitness;
using ActorTrader.Strategies;
using ActorTrader.Strategies.Panel;

namespace ActorTrader.Research.Evaluation;

/// <summary>The production evaluator: a <see cref="WalkForwardFitnessEvaluator"/> with the configured fitness settings.</summary>
public sealed class WalkForwardEvaluatorFactory(FitnessSettings settings) : IEvaluatorFactory
{
    public FitnessSettings Settings { get; } = settings ?? throw new ArgumentNullException(nameof(settings));

    public IFitnessEvaluator Create(IStrategy strategy, BarPanel panel, PinnedWindow window) =>
        new WalkForwardFitnessEvaluator(strategy, panel, window, Settings);
}
