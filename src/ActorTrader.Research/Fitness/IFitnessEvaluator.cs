using ActorTrader.Research.Genetics;

namespace ActorTrader.Research.Fitness;

/// <summary>
/// Computes the fitness of one genome on the run's pinned window. Pure with respect to its inputs: the same genome on the
/// same window gives the same result in any generation, on any node. A strategy that throws, or returns NaN/infinite
/// statistics or too few trades, yields <see cref="FitnessResult.Worst"/> with the reason — never an exception, so one
/// bad genome cannot stop a population. Implementations must be safe to call from several threads at once.
/// </summary>
public interface IFitnessEvaluator
{
    PinnedWindow Window { get; }

    FitnessResult Evaluate(Genome genome, CancellationToken cancellationToken = default);
}
