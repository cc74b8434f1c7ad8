using ActorTrader.Actors;
using ActorTrader.Domain.Calendar;

namespace ActorTrader.Trading.Clock;

/// <summary>
/// The wall clock: <see cref="TimeProvider.System"/> by default, or an actor system's scheduler — whose time is the
/// system's own clock, so a trading day on the TestKit's virtual scheduler sees virtual time.
/// </summary>
public sealed class LiveMarketClock : IMarketClock
{
    private readonly Func<DateTimeOffset> _now;

    /// <summary>A clock reading <paramref name="time"/> (the system clock when null).</summary>
    public LiveMarketClock(IMarketCalendar calendar, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var provider = time ?? TimeProvider.System;
        Calendar = calendar;
        _now = provider.GetUtcNow;
    }

    /// <summary>A clock reading the scheduler's time, the same time its timers run on.</summary>
    public LiveMarketClock(IMarketCalendar calendar, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(scheduler);
        Calendar = calendar;
        _now = () => scheduler.Now;
    }

    public DateTimeOffset UtcNow => _now().ToUniversalTime();

    public IMarketCalendar Calendar { get; }
}
