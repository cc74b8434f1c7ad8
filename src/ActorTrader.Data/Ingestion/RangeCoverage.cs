using ActorTrader.Data.Lakehouse;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Calendar;

namespace ActorTrader.Data.Ingestion;

/// <summary>
/// Whether a stored partition already covers a requested range [start, end): together with <c>freshness-hours</c> the
/// condition for skipping a symbol without fetching it.
/// <para>
/// With the symbol's calendar, the expected sessions are those that have closed by now, are not before the listing
/// date (when the provider gave one), and whose bars fall in the range — a daily bar is stamped at the session date's
/// local midnight, intraday bars lie between open and close. The partition covers the range when its first bar's local
/// date is on or before the first expected session and its last bar's local date is on or after the last one; a range
/// without any expected session is covered. A gap inside the stored range is strict health's business, not this.
/// </para>
/// <para>
/// Without a calendar every day may trade: the first bar must lie less than a day after the start (or listing) and the
/// last bar at most two days before min(end, now) — one day for the last complete daily bar plus up to a day of
/// time-zone offset in a local-midnight stamp. A weekend or holiday at either end then costs a re-fetch, never a
/// skipped gap.
/// </para>
/// </summary>
public static class RangeCoverage
{
    /// <summary>The first and last expected session dates of the range, or null when no session is expected.</summary>
    public static (DateOnly First, DateOnly Last)? ExpectedSessions(IMarketCalendar calendar, Timeframe timeframe,
        DateTimeOffset start, DateTimeOffset end, DateTimeOffset now, DateOnly? listedOn = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(timeframe);
        var from = calendar.LocalDate(start);
        if (listedOn is { } listed && listed > from) from = listed;
        var to = calendar.LocalDate(end <= now ? end : now);
        DateOnly? first = null;
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            if (Expected(calendar, timeframe, d, start, end, now)) { first = d; break; }
        }
        if (first is not { } firstDate) return null;
        for (var d = to; d >= firstDate; d = d.AddDays(-1))
        {
            if (Expected(calendar, timeframe, d, start, end, now)) return (firstDate, d);
        }
        return (firstDate, firstDate);
    }

    /// <summary>Whether <paramref name="stored"/> covers [start, end) as the type's rule says.</summary>
    public static bool Covers(BarPartitionInfo stored, DateTimeOffset start, DateTimeOffset end, DateTimeOffset now,
        IMarketCalendar? calendar, DateOnly? listedOn = null)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (calendar is not null)
        {
            if (ExpectedSessions(calendar, stored.Timeframe, start, end, now, listedOn) is not { } expected) return true;
            return calendar.LocalDate(stored.FirstBar) <= expected.First && calendar.LocalDate(stored.LastBar) >= expected.Last;
        }
        var from = listedOn is { } listed && UtcMidnight(listed) > start ? UtcMidnight(listed) : start;
        var until = end <= now ? end : now;
        if (until <= from) return true;
        return stored.FirstBar < from.AddDays(1) && stored.LastBar >= until.AddDays(-2);
    }

    private static bool Expected(IMarketCalendar calendar, Timeframe timeframe, DateOnly date, DateTimeOffset start, DateTimeOffset end, DateTimeOffset now)
    {
        if (calendar.SessionOn(date) is not { } session || session.Close > now) return false;
        if (timeframe == Timeframe.Day1)
        {
            var stamp = calendar.StartOfDayUtc(date);
            return stamp >= start && stamp < end;
        }
        return session.Close > start && session.Open < end;
    }

    private static DateTimeOffset UtcMidnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
