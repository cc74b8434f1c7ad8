using ActorTrader.Domain.Calendar;

namespace ActorTrader.Strategies.Tests.Support;

/// <summary>Bar timestamps for synthetic panels: daily bars at each NYSE session's local midnight (UTC), minute bars by New York wall clock.</summary>
internal static class MarketTimes
{
    public static TimeZoneInfo NewYork { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    /// <summary><paramref name="count"/> consecutive NYSE sessions from <paramref name="first"/>, stamped as daily bars are.</summary>
    public static DateTimeOffset[] Daily(DateOnly first, int count)
    {
        var times = new List<DateTimeOffset>(count);
        for (var d = first; times.Count < count; d = d.AddDays(1))
        {
            if (NyseCalendar.IsTradingDay(d)) times.Add(NewYorkTime(d, TimeOnly.MinValue));
        }
        return [.. times];
    }

    /// <summary>One-minute bar starts from <paramref name="from"/> to <paramref name="to"/> inclusive, New York wall clock.</summary>
    public static IEnumerable<DateTimeOffset> Minutes(DateOnly date, TimeOnly from, TimeOnly to)
    {
        for (var t = from; t <= to; t = t.AddMinutes(1))
        {
            yield return NewYorkTime(date, t);
            if (t == to) yield break;
        }
    }

    /// <summary>The UTC instant of a New York wall-clock time.</summary>
    public static DateTimeOffset NewYorkTime(DateOnly date, TimeOnly time) =>
        new(TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(time, DateTimeKind.Unspecified), NewYork), TimeSpan.Zero);
}
