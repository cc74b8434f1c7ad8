namespace ActorTrader.Domain.Calendar;

/// <summary>Time zones of the exchanges, looked up by IANA id from the system tz database (DST included).</summary>
public static class ExchangeTimeZones
{
    /// <summary>America/New_York: NYSE, NASDAQ and the other US equity venues.</summary>
    public static TimeZoneInfo NewYork { get; } = Find("America/New_York");

    /// <summary>The zone with this IANA id; throws naming the id and the fix when the system lacks it.</summary>
    public static TimeZoneInfo Find(string ianaId)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(ianaId);
        }
        catch (TimeZoneNotFoundException e)
        {
            throw new TimeZoneNotFoundException(
                $"Time zone \"{ianaId}\" is not in this system's tz database. Fix: install tzdata (apt-get install tzdata) or ICU on Windows.", e);
        }
    }
}
