using ActorTrader.Research.Evaluation;
using ActorTrader.Research.Fitness;
using ActorTrader.Research.Genetics;
using ActorTrader.Strategies;
using ActorTrader.Strategies.Panel;

namespace ActorTrader.Research.Tests.Actors;

/// <summary>
/// Evaluators that let <paramref name="passing"/> evaluations through and then hold every further one until its token is
/// cancelled (the population stopped): a node that dies in the middle of a generation. <see cref="Holding"/> completes
/// when the first evaluation is held.
/// </summary>
internal sealed class GatedEvaluatorFactory(IEvaluatorFactory inner, int passing) : IEvaluatorFactory
{
    private readonly int _passing = passing;
    private int _count;

    public TaskCompletionSource Holding { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IFitnessEvaluator Create(IStrategy strategy, BarPanel panel, PinnedWindow window) => new Gated(inner.Create(strategy, panel, window), this);

    private sealed class Gated(IFitnessEvaluator inner, GatedEvaluatorFactory gate) : IFitnessEvaluator
    {
        public PinnedWindow Window => inner.Window;

        public FitnessResult Evaluate(Genome genome, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Increment(ref gate._count) > gate._passing)
            {
                gate.Holding.TrySetResult();
                cancellationToken.WaitHandle.WaitOne();
                cancellationToken.ThrowIfCancellationRequested();
            }
            return inner.Evaluate(genome, cancellationToken);
        }
    }
}
