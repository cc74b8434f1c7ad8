using ActorTrader.Strategies;
using ActorTrader.Strategies.Panel;

namespace ActorTrader.Research.Evaluation;

/// <summary>
/// The bars a population is pinned on, loaded when its run starts and again when it resumes (the fingerprint of the pinned
/// window is then checked against them). The same configuration must give the same bars.
/// </summary>
public interface IResearchDataSource
{
    /// <summary>Where the bars come from, for logs and errors.</summary>
    string Description { get; }

    /// <summary>The panel for <paramref name="strategy"/> (its timeframe); missing data throws <see cref="ResearchDataException"/> naming it and the fix.</summary>
    Task<BarPanel> LoadAsync(IStrategy strategy, CancellationToken cancellationToken = default);
}
