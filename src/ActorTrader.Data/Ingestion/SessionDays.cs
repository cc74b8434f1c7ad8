using System.Collections.Concurrent;
using ActorTrader.Domain.Calendar;

namespace ActorTrader.Data.Ingestion;

/// <summary>One session as strict health compares it: its local day as a UTC interval [start, end) and its close.</summary>
internal readonly record struct SessionDay(DateOnly Date, long DayStartUtcTicks, long DayEndUtcTicks, long CloseUtcTicks);

/// <summary>
/// Sessions of a calendar over a date range as UTC day intervals, computed once per (calendar, range) and shared by
/// every symbol of a run: listing a calendar's sessions and converting time zones costs more than checking a
/// symbol's bars, and all symbols of a run usually ask for the same range.
/// </summary>
public sealed class SessionDays
{
    // A run asks for a handful of distinct ranges; the cap only guards against unbounded growth in a long-lived node.
    private const int MaxEntries = 256;
    private readonly ConcurrentDictionary<(IMarketCalendar Calendar, DateOnly From, DateOnly To), SessionDay[]> _cache = new();

    internal SessionDay[] For(IMarketCalendar calendar, DateOnly from, DateOnly to)
    {
        if (_cache.TryGetValue((calendar, from, to), out var days)) return days;
        days = Compute(calendar, from, to);
        if (_cache.Count >= MaxEntries) _cache.Clear();
        _cache[(calendar, from, to)] = days;
        return days;
    }

    internal static SessionDay[] Compute(IMarketCalendar calendar, DateOnly from, DateOnly to)
    {
        var sessions = calendar.Sessions(from, to);
        var days = new SessionDay[sessions.Count];
        for (var i = 0; i < days.Length; i++)
        {
            var s = sessions[i];
            days[i] = new SessionDay(s.Date, LocalMidnightUtc(calendar.TimeZone, s.Date), LocalMidnightUtc(calendar.TimeZone, s.Date.AddDays(1)), s.Close.UtcTicks);
        }
        return days;
    }

    private static long LocalMidnightUtc(TimeZoneInfo zone, DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // Where a DST gap swallows midnight the day starts at the first valid local minute.
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        return TimeZoneInfo.ConvertTimeToUtc(local, zone).Ticks;
    }
}
