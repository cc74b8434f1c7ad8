using ActorTrader.Strategies.Panel;

namespace ActorTrader.Research.Promotion.Pipeline.Paper;

/// <summary>
/// Run the paper days that are due: every session that has closed (plus <see cref="PaperTrialSettings.AfterClose"/>) and
/// is not booked yet, in date order. Each trial sends it to itself on a timer after each close; a node may also send it to
/// the promotion actor after the close (for instance once the day's bars are ingested), which passes it to every trial.
/// </summary>
public sealed record RunPaperTrials
{
    public static RunPaperTrials Instance { get; } = new();
}

/// <summary>
/// Published on the event stream when a due paper day is not booked now — its bar is not there yet (stale data) or running
/// it failed (the paper account, the data, the strategy) — and will be tried again after the next close.
/// </summary>
public sealed record PaperDayDeferred(string Id, DateOnly Date, string Reason);

/// <summary>Published on the event stream when a trial has run every due day it could and waits for its next run at <see cref="NextRunAt"/>.</summary>
public sealed record PaperTrialWaiting(string Id, DateOnly? BookedUpTo, DateTimeOffset NextRunAt);

/// <summary>A trial asks the promotion actor where its journal stands; answered with <see cref="PaperTrialCursor"/>.</summary>
internal sealed record GetPaperTrialCursor(string Id);

/// <summary>
/// Where a candidate's paper trial stands in the journal: its strategy and parameters (or discovered rule), when it went to
/// paper, the last date booked (recorded or skipped) and the last recorded NAV. <see cref="OnPaper"/> false: the trial has
/// nothing to run.
/// </summary>
internal sealed record PaperTrialCursor(string Id, bool OnPaper, string Strategy, IReadOnlyDictionary<string, double> Parameters, DateTimeOffset Since,
    DateOnly? Last, decimal? LastNav, string? Rule = null);

/// <summary>A trial's paper day, to be journaled; answered with <see cref="PaperDayBooked"/>.</summary>
internal sealed record BookPaperDay(PaperDayRecorded Day);

/// <summary>A session the trial will never run (a gap in the data), to be journaled; answered with <see cref="PaperDayBooked"/>.</summary>
internal sealed record BookPaperSkip(PaperDaySkipped Skip);

/// <summary>The journal now holds the trial's days up to <see cref="Last"/> (whether just written or already there).</summary>
internal sealed record PaperDayBooked(string Id, DateOnly? Last, decimal? LastNav);

/// <summary>What running one paper day gave.</summary>
internal abstract record PaperDayOutcome;

/// <summary>The day ran: its record, to be journaled.</summary>
internal sealed record PaperDayDone(PaperDayRecorded Record) : PaperDayOutcome;

/// <summary>The day has no bar but later days do: it is skipped for good, with the reason.</summary>
internal sealed record PaperDayGap(PaperDaySkipped Skip) : PaperDayOutcome;

/// <summary>The data does not reach the day yet: nothing is booked, the day is tried again at the next close.</summary>
internal sealed record PaperDayStale(DateOnly Date, string Reason) : PaperDayOutcome;

internal sealed record PaperPanelLoaded(int Pass, BarPanel Panel);

internal sealed record PaperPanelFailed(int Pass, Exception Error);

internal sealed record PaperDayWorked(int Pass, DateOnly Date, PaperDayOutcome Outcome);

internal sealed record PaperDayFailed(int Pass, DateOnly Date, Exception Error);
