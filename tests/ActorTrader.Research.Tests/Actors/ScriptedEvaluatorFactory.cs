using ActorTrader.Research.Evaluation;
using ActorTrader.Research.Fitness;
using ActorTrader.Research.Genetics;
using ActorTrader.Strategies;
using ActorTrader.Strategies.Panel;

namespace ActorTrader.Research.Tests.Actors;

/// <summary>Evaluators whose results <paramref name="evaluate"/> decides (it may call the real evaluator, change or throw); every call is counted.</summary>
internal sealed class ScriptedEvaluatorFactory(IEvaluatorFactory inner, Func<IFitnessEvaluator, Genome, FitnessResult> evaluate) : IEvaluatorFactory
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public IFitnessEvaluator Create(IStrategy strategy, BarPanel panel, PinnedWindow window) => new Scripted(inner.Create(strategy, panel, window), this);

    private sealed class Scripted(IFitnessEvaluator inner, ScriptedEvaluatorFactory factory) : IFitnessEvaluator
    {
        public PinnedWindow Window => inner.Window;

        public FitnessResult Evaluate(Genome genome, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref factory._calls);
            return factory.Evaluate(inner, genome);
        }
    }

    private FitnessResult Evaluate(IFitnessEvaluator real, Genome genome) => evaluate(real, genome);
}
