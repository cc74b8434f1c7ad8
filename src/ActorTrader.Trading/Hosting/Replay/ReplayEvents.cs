using ActorTrader.Persistence.Serialization;

namespace ActorTrader.Trading.Host.Replay;

// The replay cursor's journal (persistence id replay-cursor): which replay runs, which days are done, whether it ended.

/// <summary>Journaled once per replay: its run id (report directory), first date, length and data.</summary>
public sealed record ReplayStarted(string RunId, DateOnly Start, int Days, string Source, bool Synthetic, string Profile, DateTimeOffset At);

/// <summary>Journaled after each day's post-market snapshot: the day is complete and is not replayed again after a restart.</summary>
public sealed record ReplayDayCompleted(DateOnly Date, int Day, decimal NetAssetValue, decimal DayPnl, int Orders, int Fills, int LedgerFillCount, DateTimeOffset At);

/// <summary>Journaled after the report was written: the replay is over; the next start begins a new one.</summary>
public sealed record ReplayFinished(string RunId, DateTimeOffset At);

/// <summary>The stable manifest names of the replay cursor's events; never rename one (old journals use it).</summary>
public static class ReplayEvents
{
    public static EventSerializer Register(EventSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        return serializer
            .Register<ReplayStarted>("replay-started")
            .Register<ReplayDayCompleted>("replay-day-completed")
            .Register<ReplayFinished>("replay-finished");
    }
}
