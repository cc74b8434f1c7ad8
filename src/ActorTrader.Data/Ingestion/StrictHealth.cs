using System.Globalization;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Ingestion;

/// <summary>
/// Strict health of daily bars: the sessions the calendar expects in the range versus the bars received. Expected
/// sessions start at the later of the range start and the first bar (nothing trades before it is listed) and end
/// at the range end or the last session already closed at <c>now</c>, whichever is earlier. Intraday timeframes
/// are not checked here (their sessions have no fixed bar count).
/// </summary>
public static class StrictHealth
{
    /// <summary>Null when healthy; otherwise a rejection with the counts and the first missing session.</summary>
    /// <param name="days">Shared session cache; null computes the sessions for this call only.</param>
    public static SymbolRejection? Check(Symbol symbol, Timeframe timeframe, IReadOnlyList<Bar> bars, IMarketCalendar? calendar,
        DateTimeOffset start, DateTimeOffset end, DateTimeOffset now, double maxMissingFraction, SessionDays? days = null)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(timeframe);
        if (calendar is null || timeframe != Timeframe.Day1 || bars.Count == 0) return null;
        var from = LocalDate(calendar, start > bars[0].Timestamp ? start : bars[0].Timestamp);
        var lastInstant = end <= now ? end.AddTicks(-1) : now;
        var to = LocalDate(calendar, lastInstant);
        if (to < from) return null;
        var sessions = days?.For(calendar, from, to) ?? SessionDays.Compute(calendar, from, to);
        var nowTicks = now.UtcTicks;
        var expected = 0;
        var missing = 0;
        DateOnly? firstMissing = null;
        var b = 0;
        // Both lists ascend: walk them together, a bar covering a session when it falls on the session's local day.
        foreach (var session in sessions)
        {
            // A session still open (or not yet closed by the range end) has no complete daily bar yet.
            if (session.CloseUtcTicks > nowTicks) continue;
            expected++;
            while (b < bars.Count && bars[b].Timestamp.UtcTicks < session.DayStartUtcTicks) b++;
            if (b < bars.Count && bars[b].Timestamp.UtcTicks < session.DayEndUtcTicks) continue;
            missing++;
            firstMissing ??= session.Date;
        }
        if (expected == 0 || (double)missing / expected <= maxMissingFraction) return null;
        var fraction = (double)missing / expected;
        return new SymbolRejection(symbol, RejectionKind.Unhealthy, string.Create(CultureInfo.InvariantCulture,
            $"unhealthy: {missing} of {expected} {calendar.Name} sessions from {from:yyyy-MM-dd} to {to:yyyy-MM-dd} have no bar ({fraction:P1} > {maxMissingFraction:P1} allowed), first missing {firstMissing:yyyy-MM-dd}"));
    }

    /// <summary>The exchange-local date of a bar timestamp (a daily bar starts at local midnight).</summary>
    public static DateOnly LocalDate(IMarketCalendar calendar, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, calendar.TimeZone).DateTime);
    }
}
