using ActorTrader.Data.Runs;
using ActorTrader.Domain.Calendar;
using ActorTrader.Trading.Clock;
using ActorTrader.Trading.Host.Operations;

namespace ActorTrader.Trading.Host.Replay;

/// <summary>One replay: its run id, every session it covers (the first on or after its start, as many as asked), the quotes and where progress goes.</summary>
/// <param name="Run">The run's id: its report directory; kept in the cursor so a resumed replay writes to the same one.</param>
/// <param name="Sessions">Every session of the replay, oldest first.</param>
/// <param name="Clock">The virtual market clock (not later than the first session's start); the paper broker reads it too.</param>
/// <param name="Quotes">The replay's prices.</param>
/// <param name="Profile">The meta profile of the targets (for the report).</param>
/// <param name="Output">Where the day lines go (standard output).</param>
/// <param name="WallClock">Stamps the cursor's events.</param>
public sealed record ReplayPlan(
    RunId Run,
    IReadOnlyList<MarketSession> Sessions,
    ReplayMarketClock Clock,
    IMarketQuotes Quotes,
    string Profile,
    TextWriter Output,
    TimeProvider WallClock)
{
    public DateOnly Start => Sessions[0].Date;

    public int Days => Sessions.Count;

    public IReplayProgressBar? Bar { get; init; }

    /// <summary>Wall time waited after each day (zero: none), so a watcher can follow the replay.</summary>
    public TimeSpan Pace { get; init; }

    /// <summary>Symbols of the universe the quotes do not cover (named in the report).</summary>
    public IReadOnlyList<string> Dropped { get; init; } = [];

    /// <summary>Where the report goes (data/runs).</summary>
    public RunArtifacts? Artifacts { get; init; }
}
