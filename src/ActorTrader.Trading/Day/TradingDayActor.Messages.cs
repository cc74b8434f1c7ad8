using ActorTrader.Domain.Calendar;

namespace ActorTrader.Trading.Day;

// The trading day's public protocol (commands, replies) and the events it publishes on the event stream.

/// <summary>
/// The operator's out-of-schedule rebalance (<c>actortrader rebalance [SLEEVE]</c>): refreshes <paramref name="Sleeve"/>'s
/// target (null = all), plans and submits at once. Replies <see cref="RebalanceCompleted"/> when done, or
/// <see cref="RebalanceRefused"/> when the market is closed or today's reconciliation has not succeeded. Waits for a
/// phase in progress to finish first.
/// </summary>
public sealed record RebalanceNow(string? Sleeve = null);

/// <summary>The rebalance ran; <see cref="RebalanceReport.Error"/> says why it stopped when it did.</summary>
public sealed record RebalanceCompleted(RebalanceReport Report);

/// <summary>The rebalance was not started; <see cref="Reason"/> names the cause and what would allow it.</summary>
public sealed record RebalanceRefused(string Reason);

/// <summary>Asks for the day's state; replies <see cref="TradingDayStatus"/>.</summary>
public sealed record GetTradingDayStatus
{
    public static GetTradingDayStatus Instance { get; } = new();
}

/// <summary>
/// Where the day is: its mode (live or replay), date and session, the phase running now (null between phases), the next
/// phase and when it is due (null once the day's last phase started), whether today's reconciliation succeeded, and the
/// phases so far.
/// </summary>
public sealed record TradingDayStatus(
    string Mode,
    DateOnly? Date,
    MarketSession? Session,
    TradingDayPhase? Running,
    TradingDayPhase? Next,
    DateTimeOffset? NextAt,
    bool Reconciled,
    IReadOnlyList<PhaseReport> Phases);

/// <summary>Published when a phase starts, at the market clock's time <paramref name="At"/> (UTC).</summary>
public sealed record TradingDayPhaseChanged(DateOnly Date, TradingDayPhase Phase, DateTimeOffset At);

/// <summary>
/// Published when a phase ended, was skipped or failed. In live mode it comes after the next phase's timer is set, so a
/// subscriber that sees it may move (virtual) time on to the next phase.
/// </summary>
public sealed record TradingDayPhaseFinished(DateOnly Date, PhaseReport Report);

/// <summary>Published after the post-market phase: the whole day.</summary>
public sealed record TradingDayCompleted(DateOnly Date, TradingDaySummary Summary);

/// <summary>Published for a weekday without a session (a holiday): no phase runs that day.</summary>
public sealed record TradingDaySkipped(DateOnly Date, string Reason);

/// <summary>
/// Sent to the replay's listener when the replay ended: every day's summary, oldest first. <see cref="Error"/> is set
/// when the day actor crashed before the last day (the summaries are those completed before).
/// </summary>
public sealed record TradingReplayCompleted(DateOnly Start, int Days, IReadOnlyList<TradingDaySummary> Summaries, string? Error = null);

/// <summary>The phase at <see cref="Index"/> of <see cref="Date"/>'s schedule is due.</summary>
internal sealed record PhaseDue(DateOnly Date, int Index);

/// <summary>The work numbered <see cref="Work"/> finished with <see cref="Outcome"/>.</summary>
internal sealed record WorkFinished(long Work, PhaseOutcome Outcome);

/// <summary>The work numbered <see cref="Work"/> ran past the phase timeout.</summary>
internal sealed record PhaseTimedOut(long Work);
