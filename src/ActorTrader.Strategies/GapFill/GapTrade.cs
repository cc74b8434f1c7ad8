using System.Globalization;
using ActorTrader.Domain.Calendar;
using ActorTrader.Strategies.Common;
using ActorTrader.Strategies.Panel;

namespace ActorTrader.Strategies.GapFill;

/// <summary>
/// One symbol's gap in the current session, replayed from the session's first bar to the decision bar: detected, entered,
/// exited or skipped, with the bar indices where each became known (so each fact is reported exactly once).
/// </summary>
internal sealed record GapTrade
{
    public int Side { get; private init; }

    public bool IsOpen { get; private init; }

    public string? EntryDetail { get; private init; }

    /// <summary>Bar at which the gap's one <c>gap</c> event is due (entry, or the moment it is known not to trade); −1 for none.</summary>
    public int EventAt { get; private init; } = -1;

    public string? EventDetail { get; private init; }

    public int ExitedAt { get; private init; } = -1;

    public string? ExitDetail { get; private init; }

    /// <summary>Null when the session has no bar with an open and close for the symbol yet.</summary>
    public static GapTrade? Replay(PointInTimePanel panel, int symbol, int first, double previousClose, GapFillParameters p, SessionClock clock)
    {
        var open = panel.Open(symbol);
        var close = panel.Close(symbol);
        var times = panel.Times;
        var o = first;
        while (o <= panel.Now && !(open[o] > 0 && close[o] > 0 && double.IsFinite(open[o]) && double.IsFinite(close[o]))) o++;
        if (o > panel.Now) return null;

        var opening = open[o];
        var gap = opening / previousClose - 1;
        var side = gap < 0 ? 1 : -1; // a fade buys a gap down and sells a gap up
        var described = $"gap {SignalFormat.Percent(gap)}: open {SignalFormat.Number(opening)} vs previous close {SignalFormat.Number(previousClose)}";
        if (SkipReason(p, gap, side) is { } skip)
        {
            var detected = Math.Abs(gap) >= p.LogGap && gap != 0;
            return new GapTrade { EventAt = detected ? o : -1, EventDetail = $"{described}; not traded: {skip}" };
        }

        var entry = -1;
        var filled = 0.0; // share of the gap retraced at the symbol's last close
        for (var j = o; j <= panel.Now; j++)
        {
            // The clock runs on every panel bar: the entry window and the exit time pass even when this symbol has no bar.
            var decidedAt = clock.DecisionAt(times[j]);
            var quoted = close[j] > 0 && double.IsFinite(close[j]);
            if (quoted) filled = (close[j] - opening) / (previousClose - opening);
            if (entry < 0)
            {
                if (decidedAt > clock.EntryEnd)
                    return Missed(j, described, $"no entry by {Local(clock.EntryEnd)} ET (the price had retraced {SignalFormat.Percent(filled)} of the gap; confirm_fraction is {SignalFormat.Percent(p.ConfirmFraction)})");
                if (!quoted) continue;
                if (filled >= p.TargetFill)
                    return Missed(j, described, $"the gap filled ({SignalFormat.Percent(filled)}) before an entry");
                // confirm_fraction 0 enters at the first decision whatever the first bars did (they may run further from the close).
                var confirmed = p.ConfirmFraction <= 0 || filled >= p.ConfirmFraction;
                if (decidedAt >= clock.EntryStart && decidedAt < clock.Exit && confirmed) entry = j;
                continue;
            }
            var exit = quoted && filled >= p.TargetFill ? $"target: {SignalFormat.Percent(filled)} of the gap filled"
                : quoted && filled <= -p.StopMultiple ? $"stop: the price ran {SignalFormat.Percent(-filled)} of the gap further away"
                : decidedAt >= clock.Exit ? $"exit time {Local(clock.Exit)} ET"
                : null;
            if (exit is not null)
                return Entered(entry, side, described, times[entry], clock) with { IsOpen = false, ExitedAt = j, ExitDetail = $"{described}; {exit}" };
        }
        if (entry < 0) return new GapTrade();
        return Entered(entry, side, described, times[entry], clock);
    }

    private static string? SkipReason(GapFillParameters p, double gap, int side)
    {
        var size = Math.Abs(gap);
        if (size < p.MinGap) return $"|gap| {SignalFormat.Percent(size)} is below min_gap {SignalFormat.Percent(p.MinGap)}";
        if (size > p.MaxGap) return $"|gap| {SignalFormat.Percent(size)} is above max_gap {SignalFormat.Percent(p.MaxGap)}";
        if (side > 0 && !p.Direction.AllowsLong()) return "fading a gap down means buying, and direction is short";
        if (side < 0 && !p.Direction.AllowsShort()) return "fading a gap up needs a short, and direction is long";
        return null;
    }

    private static GapTrade Missed(int at, string described, string why) =>
        new() { EventAt = at, EventDetail = $"{described}; not traded: {why}" };

    private static GapTrade Entered(int at, int side, string described, DateTimeOffset barStart, SessionClock clock)
    {
        var detail = $"{described}; traded: {(side > 0 ? "long" : "short")} fade from {Local(clock.DecisionAt(barStart))} ET";
        return new GapTrade { Side = side, IsOpen = true, EntryDetail = detail, EventAt = at, EventDetail = detail };
    }

    private static string Local(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, MarketCalendars.Nyse.TimeZone).ToString("HH:mm", CultureInfo.InvariantCulture);
}
