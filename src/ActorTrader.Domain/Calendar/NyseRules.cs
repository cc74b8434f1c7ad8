namespace ActorTrader.Domain.Calendar;

/// <summary>
/// NYSE holidays and 13:00 early closes, computed from the exchange's rules (NYSE Rule 7.2 and the yearly
/// "Holidays and Trading Hours" notice) rather than tabulated. The rules are those in force since 1998
/// (MLK Day) and 2022 (Juneteenth); the early-close rules are those in force since 1993–1999 (history per the
/// NYSE closings list also used by pandas_market_calendars). Earlier years use the same rules and may differ
/// from history (Saturday sessions before 1952, 14:00 closes, ad-hoc closures not in the special table).
/// Checked against every trading date in the shipped price files (1989-12-29..2022-12-28).
/// </summary>
internal static class NyseRules
{
    /// <summary>Why the NYSE is closed on a weekday, or null when it trades (weekends are not asked about).</summary>
    public static string? HolidayName(DateOnly date)
    {
        var special = NyseSpecialClosures.NameOn(date);
        if (special is not null) return special;
        var year = date.Year;
        switch (date.Month)
        {
            case 1:
                // Jan 1 on a Sunday moves to Monday; on a Saturday it is not observed at all (Rule 7.2: the
                // preceding Friday would close an accounting period), so Dec 31 trades.
                if (date.Day == 1 || (date.Day == 2 && date.DayOfWeek == DayOfWeek.Monday)) return "New Year's Day";
                if (year >= 1998 && date == CalendarDates.NthWeekday(year, 1, DayOfWeek.Monday, 3)) return "Martin Luther King Jr. Day";
                return null;
            case 2:
                return date == CalendarDates.NthWeekday(year, 2, DayOfWeek.Monday, 3) ? "Washington's Birthday" : null;
            case 3 or 4:
                return date == CalendarDates.EasterSunday(year).AddDays(-2) ? "Good Friday" : null;
            case 5:
                return date == CalendarDates.LastWeekday(year, 5, DayOfWeek.Monday) ? "Memorial Day" : null;
            case 6:
                return year >= 2022 && date == CalendarDates.Observed(new DateOnly(year, 6, 19)) ? "Juneteenth National Independence Day" : null;
            case 7:
                return date == CalendarDates.Observed(new DateOnly(year, 7, 4)) ? "Independence Day" : null;
            case 9:
                return date == CalendarDates.NthWeekday(year, 9, DayOfWeek.Monday, 1) ? "Labor Day" : null;
            case 11:
                return date == Thanksgiving(year) ? "Thanksgiving Day" : null;
            case 12:
                return date == CalendarDates.Observed(new DateOnly(year, 12, 25)) ? "Christmas Day" : null;
            default:
                return null;
        }
    }

    /// <summary>True when a trading day closes at 13:00 instead of 16:00 (only meaningful for trading days).</summary>
    public static bool IsEarlyClose(DateOnly date)
    {
        var year = date.Year;
        var weekday = date.DayOfWeek;
        return (date.Month, date.Day) switch
        {
            // The day before Independence Day: Mon/Tue/Thu since 1995, Wednesday since 2013. When July 3 is a
            // Friday it is the observed holiday itself, and a Monday-observed July 5 has no eve early close.
            (7, 3) => weekday is DayOfWeek.Monday or DayOfWeek.Tuesday or DayOfWeek.Thursday
                ? year >= 1995
                : weekday == DayOfWeek.Wednesday && year >= 2013,
            // Before 2013, when July 4 was a Thursday the Friday after closed early instead of the Wednesday.
            (7, 5) => weekday == DayOfWeek.Friday && year is >= 1996 and < 2013,
            // Christmas Eve on Mon–Thu since 1999 (on a Friday it is the observed Christmas holiday).
            (12, 24) => weekday is >= DayOfWeek.Monday and <= DayOfWeek.Thursday && year >= 1999,
            // The day after Thanksgiving (13:00 since 1993).
            (11, _) => year >= 1993 && date == Thanksgiving(year).AddDays(1),
            _ => false,
        };
    }

    private static DateOnly Thanksgiving(int year) => CalendarDates.NthWeekday(year, 11, DayOfWeek.Thursday, 4);
}
