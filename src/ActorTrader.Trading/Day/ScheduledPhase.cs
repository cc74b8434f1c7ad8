namespace ActorTrader.Trading.Day;

/// <summary>
/// One phase of one day's schedule at its UTC instant. <see cref="Strategies"/> are the names of a strategy run (empty
/// otherwise); <see cref="SkipReason"/> is set when the schedule already knows the phase cannot run (a run after an early
/// close); <see cref="Note"/> says when a phase was moved (a rebalance brought forward by an early close).
/// </summary>
public sealed record ScheduledPhase(TradingDayPhase Phase, DateTimeOffset At, IReadOnlyList<string> Strategies, string? SkipReason = null, string? Note = null)
{
    /// <summary>True for the rebalance that follows a run marked <c>rebalance = on</c>.</summary>
    public bool AfterRun { get; init; }
}
