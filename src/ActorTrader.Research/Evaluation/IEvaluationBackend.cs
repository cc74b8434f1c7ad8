using ActorTrader.Research.Fitness;
using ActorTrader.Research.Genetics;

namespace ActorTrader.Research.Evaluation;

/// <summary>
/// Evaluates a generation's genomes: one <see cref="FitnessResult"/> per genome, in request order. The local backend fans
/// out through a bounded stream on this node; the cluster backend will enqueue the same work (each genome with
/// <see cref="IFitnessEvaluator.Window"/>, whose data fingerprint lets a worker rebuild and check the evaluator) on the
/// shared work queue. A genome whose evaluation fails gets <see cref="FitnessResult.Worst"/> with the reason; only
/// cancellation of the caller's token ends the batch early (the task is then cancelled).
/// </summary>
public interface IEvaluationBackend
{
    /// <summary>For logs and status, e.g. <c>local x2</c>.</summary>
    string Name { get; }

    /// <summary>Evaluations running at once.</summary>
    int Workers { get; }

    Task<IReadOnlyList<FitnessResult>> EvaluateAsync(IFitnessEvaluator evaluator, IReadOnlyList<Genome> genomes, CancellationToken cancellationToken = default);
}
