namespace ActorTrader.Trading.Day;

/// <summary>
/// How one phase went: when it was due, when it ran (null when skipped), its status and a one-line detail (what failed
/// and why, why it was skipped, or what it did). <see cref="Manual"/> marks an operator's rebalance.
/// </summary>
public sealed record PhaseReport(
    TradingDayPhase Phase,
    DateTimeOffset ScheduledAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    PhaseStatus Status,
    string Detail,
    IReadOnlyList<string> Strategies,
    bool Manual = false);
