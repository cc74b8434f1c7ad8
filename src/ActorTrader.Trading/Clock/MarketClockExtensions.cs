using ActorTrader.Domain.Calendar;

namespace ActorTrader.Trading.Clock;

/// <summary>Exchange-local readings of a <see cref="IMarketClock"/>.</summary>
public static class MarketClockExtensions
{
    /// <summary>The exchange-local date now.</summary>
    public static DateOnly Today(this IMarketClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock.Calendar.LocalDate(clock.UtcNow);
    }

    /// <summary>The exchange-local wall-clock time now (for display and logs only).</summary>
    public static DateTime LocalNow(this IMarketClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return TimeZoneInfo.ConvertTime(clock.UtcNow, clock.Calendar.TimeZone).DateTime;
    }

    /// <summary>True while the calendar's regular session is open.</summary>
    public static bool IsMarketOpen(this IMarketClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock.Calendar.IsOpen(clock.UtcNow);
    }
}
