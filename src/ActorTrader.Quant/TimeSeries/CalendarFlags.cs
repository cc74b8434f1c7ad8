namespace ActorTrader.Quant.TimeSeries;

/// <summary>
/// Month-end and quarter-end flags of a series of trading dates: a date is the month's (quarter's) end when the next
/// date of the series falls in another month (quarter). The last date is flagged only when it is the calendar's last
/// weekday of its month, since the series cannot tell whether another session follows.
/// </summary>
public static class CalendarFlags
{
    public static bool[] MonthEnd(IReadOnlyList<DateOnly> dates) => Flags(dates, (a, b) => a.Year != b.Year || a.Month != b.Month, LastWeekdayOfMonth);

    public static bool[] QuarterEnd(IReadOnlyList<DateOnly> dates) => Flags(dates, (a, b) => a.Year != b.Year || Quarter(a) != Quarter(b),
        d => d.Month % 3 == 0 && LastWeekdayOfMonth(d));

    private static bool[] Flags(IReadOnlyList<DateOnly> dates, Func<DateOnly, DateOnly, bool> changes, Func<DateOnly, bool> lastIsEnd)
    {
        ArgumentNullException.ThrowIfNull(dates);
        var flags = new bool[dates.Count];
        for (var i = 0; i < dates.Count; i++)
        {
            if (i > 0 && dates[i] <= dates[i - 1])
                throw new ArgumentException($"Dates must increase: {dates[i]:yyyy-MM-dd} at {i} follows {dates[i - 1]:yyyy-MM-dd}.", nameof(dates));
            flags[i] = i + 1 < dates.Count ? changes(dates[i], dates[i + 1]) : lastIsEnd(dates[i]);
        }
        return flags;
    }

    private static int Quarter(DateOnly date) => (date.Month - 1) / 3;

    private static bool LastWeekdayOfMonth(DateOnly date)
    {
        var last = new DateOnly(date.Year, date.Month, DateTime.DaysInMonth(date.Year, date.Month));
        while (last.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) last = last.AddDays(-1);
        return date == last;
    }
}
