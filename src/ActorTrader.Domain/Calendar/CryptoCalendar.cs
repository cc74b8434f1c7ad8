namespace ActorTrader.Domain.Calendar;

/// <summary>
/// Crypto venues trade around the clock: one session per UTC day, 00:00–24:00, no holidays.
/// Use <see cref="MarketCalendars.Crypto"/>.
/// </summary>
public sealed class CryptoCalendar : IMarketCalendar
{
    internal CryptoCalendar() { }

    public string Name => "CRYPTO";

    public TimeZoneInfo TimeZone => TimeZoneInfo.Utc;

    public MarketSession? SessionOn(DateOnly localDate) => Session(localDate);

    public IReadOnlyList<MarketSession> Sessions(DateOnly fromLocalDate, DateOnly toLocalDate)
    {
        var sessions = new List<MarketSession>();
        for (var date = fromLocalDate; date <= toLocalDate; date = date.AddDays(1))
        {
            sessions.Add(Session(date));
            if (date == DateOnly.MaxValue) break;
        }
        return sessions;
    }

    public bool IsOpen(DateTimeOffset instant) => true;

    public MarketSession NextSession(DateTimeOffset instant) => Session(DateOnly.FromDateTime(instant.UtcDateTime));

    private static MarketSession Session(DateOnly date)
    {
        var open = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return new MarketSession(date, open, open.AddDays(1), IsEarlyClose: false);
    }
}
