using ActorTrader.Domain.Calendar;

namespace ActorTrader.Data.Tests.Ingestion;

/// <summary>A UTC calendar with a session every Monday to Friday, 14:30–21:00, and no holidays: simple enough to count by hand.</summary>
internal sealed class WeekdayCalendar : IMarketCalendar
{
    public string Name => "WEEKDAYS";

    public TimeZoneInfo TimeZone => TimeZoneInfo.Utc;

    public MarketSession? SessionOn(DateOnly localDate) =>
        localDate.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
            ? null
            : new MarketSession(localDate, At(localDate, 14, 30), At(localDate, 21, 0), false);

    public IReadOnlyList<MarketSession> Sessions(DateOnly fromLocalDate, DateOnly toLocalDate)
    {
        var sessions = new List<MarketSession>();
        for (var d = fromLocalDate; d <= toLocalDate; d = d.AddDays(1))
            if (SessionOn(d) is { } s) sessions.Add(s);
        return sessions;
    }

    public bool IsOpen(DateTimeOffset instant) => SessionOn(DateOnly.FromDateTime(instant.UtcDateTime)) is { } s && instant >= s.Open && instant < s.Close;

    public MarketSession NextSession(DateTimeOffset instant)
    {
        for (var d = DateOnly.FromDateTime(instant.UtcDateTime); ; d = d.AddDays(1))
            if (SessionOn(d) is { } s && s.Close > instant) return s;
    }

    private static DateTimeOffset At(DateOnly date, int hour, int minute) => new(date.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.Zero);
}
