using ActorTrader.Research.Fitness;
using ActorTrader.Strategies;
using ActorTrader.Strategies.Panel;

namespace ActorTrader.Research.Evaluation;

/// <summary>Builds the fitness evaluator of one population once its data is loaded and its window pinned.</summary>
public interface IEvaluatorFactory
{
    /// <summary>An evaluator of <paramref name="strategy"/> on <paramref name="window"/>; a panel whose data does not match the window's fingerprint throws <see cref="PinnedWindowException"/>.</summary>
    IFitnessEvaluator Create(IStrategy strategy, BarPanel panel, PinnedWindow window);
}
