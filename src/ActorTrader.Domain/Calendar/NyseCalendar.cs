namespace ActorTrader.Domain.Calendar;

/// <summary>
/// The New York Stock Exchange regular session: 09:30–16:00 America/New_York (13:00 on early-close days),
/// Monday to Friday except holidays. Holidays and early closes are computed by <see cref="NyseRules"/>;
/// local times are converted to UTC with the tz database, so DST switches are handled.
/// Use <see cref="MarketCalendars.Nyse"/>.
/// </summary>
public sealed class NyseCalendar : IMarketCalendar
{
    public static readonly TimeOnly RegularOpen = new(9, 30);
    public static readonly TimeOnly RegularClose = new(16, 0);
    public static readonly TimeOnly EarlyClose = new(13, 0);

    // A year never has more than ~5 consecutive closed days; this bound only stops a runaway search.
    private const int MaxDaysToNextSession = 32;

    internal NyseCalendar(TimeZoneInfo timeZone) => TimeZone = timeZone;

    public string Name => "NYSE";

    public TimeZoneInfo TimeZone { get; }

    public MarketSession? SessionOn(DateOnly localDate)
    {
        if (!IsTradingDay(localDate)) return null;
        var isEarly = NyseRules.IsEarlyClose(localDate);
        return new MarketSession(
            localDate,
            this.ToUtc(localDate, RegularOpen),
            this.ToUtc(localDate, isEarly ? EarlyClose : RegularClose),
            isEarly);
    }

    public IReadOnlyList<MarketSession> Sessions(DateOnly fromLocalDate, DateOnly toLocalDate)
    {
        var sessions = new List<MarketSession>();
        for (var date = fromLocalDate; date <= toLocalDate; date = date.AddDays(1))
        {
            if (SessionOn(date) is { } session) sessions.Add(session);
            if (date == DateOnly.MaxValue) break;
        }
        return sessions;
    }

    public bool IsOpen(DateTimeOffset instant) =>
        SessionOn(this.LocalDate(instant)) is { } session && session.Open <= instant && instant < session.Close;

    public MarketSession NextSession(DateTimeOffset instant)
    {
        var date = this.LocalDate(instant);
        for (var i = 0; i <= MaxDaysToNextSession; i++, date = date.AddDays(1))
        {
            if (SessionOn(date) is { } session && session.Close > instant) return session;
        }
        throw new InvalidOperationException($"No NYSE session within {MaxDaysToNextSession} days after {instant:O}; the holiday rules are inconsistent.");
    }

    /// <summary>True on weekdays that are not holidays.</summary>
    public static bool IsTradingDay(DateOnly localDate) =>
        !CalendarDates.IsWeekend(localDate) && NyseRules.HolidayName(localDate) is null;

    /// <summary>The weekday holidays (observed dates, special closures included) of a year, ascending.</summary>
    public static IReadOnlyList<MarketHoliday> Holidays(int year)
    {
        var holidays = new List<MarketHoliday>();
        for (var date = new DateOnly(year, 1, 1); date.Year == year; date = date.AddDays(1))
        {
            if (!CalendarDates.IsWeekend(date) && NyseRules.HolidayName(date) is { } name) holidays.Add(new MarketHoliday(date, name));
            if (date == DateOnly.MaxValue) break;
        }
        return holidays;
    }

    /// <summary>The trading days of a year that close at 13:00, ascending.</summary>
    public IReadOnlyList<DateOnly> EarlyCloses(int year) =>
        Sessions(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)).Where(s => s.IsEarlyClose).Select(s => s.Date).ToList();
}
