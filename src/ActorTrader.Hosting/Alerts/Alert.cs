namespace ActorTrader.Hosting.Alerts;

/// <summary>How urgent an alert is: the log level it is written at and how the dashboard colours it.</summary>
public enum AlertSeverity
{
    Info,
    Warning,
    Critical,
}

/// <summary>
/// Something an operator should know about now. <paramref name="Key"/> identifies "the same thing happening again"
/// (e.g. <c>breaker-trip:drawdown:paper</c>): repeats within the de-duplication window are folded into one entry.
/// </summary>
/// <param name="Kind">One of <see cref="AlertKinds"/>.</param>
/// <param name="Message">What happened and what to check, in a sentence or two.</param>
/// <param name="At">When it happened (UTC).</param>
public sealed record Alert(string Kind, AlertSeverity Severity, string Key, string Message, DateTimeOffset At);

/// <summary>An alert as the recent list keeps it: <paramref name="Repeats"/> duplicates were folded in, the last at <paramref name="LastAt"/>.</summary>
public sealed record AlertEntry(Alert Alert, int Repeats, DateTimeOffset LastAt);

/// <summary>The conditions the node raises alerts for (issue 12 §2).</summary>
public static class AlertKinds
{
    public const string BreakerTrip = "breaker-trip";
    public const string TradingState = "trading-state";
    public const string Reconciliation = "reconciliation";
    public const string OrderRejected = "order-rejected";
    public const string StaleData = "stale-data";
    public const string Memory = "memory";
    public const string JournalWrite = "journal-write";
    public const string ResearchStagnation = "research-stagnation";

    /// <summary>Sent once the rate limit lets alerts through again: how many were held back.</summary>
    public const string Suppressed = "alerts-suppressed";

    public static IReadOnlyList<string> All { get; } = [BreakerTrip, TradingState, Reconciliation, OrderRejected, StaleData, Memory, JournalWrite, ResearchStagnation];
}
