namespace ActorTrader.Domain.Calendar;

/// <summary>Conversions between UTC instants and a calendar's local dates.</summary>
public static class MarketCalendarExtensions
{
    /// <summary>The exchange-local date of a UTC instant.</summary>
    public static DateOnly LocalDate(this IMarketCalendar calendar, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, calendar.TimeZone).DateTime);
    }

    /// <summary>
    /// The UTC instant of an exchange-local wall-clock time on a date. Times inside a DST gap are moved forward
    /// by the gap (none of the exchange times used here, 00:00, 09:30, 13:00 and 16:00, can fall in one).
    /// </summary>
    public static DateTimeOffset ToUtc(this IMarketCalendar calendar, DateOnly localDate, TimeOnly localTime)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var local = localDate.ToDateTime(localTime, DateTimeKind.Unspecified);
        if (calendar.TimeZone.IsInvalidTime(local)) local = local.AddHours(1);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, calendar.TimeZone), TimeSpan.Zero);
    }

    /// <summary>The start of an exchange-local date in UTC: where a daily bar of that session is stamped (Alpaca's convention).</summary>
    public static DateTimeOffset StartOfDayUtc(this IMarketCalendar calendar, DateOnly localDate) =>
        calendar.ToUtc(localDate, TimeOnly.MinValue);
}
