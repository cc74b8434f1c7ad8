using ActorTrader.Domain.Calendar;
using ActorTrader.Trading.Clock;

namespace ActorTrader.Trading.Host;

/// <summary>
/// A calendar whose "is the market open" follows a market clock instead of the instant it is asked about. The risk
/// manager asks <see cref="IsOpen"/> with its actor system's time, which in a replay is the wall clock, not the virtual
/// market time the orders belong to; given this calendar it sees the replay's time. Everything else is the inner calendar's.
/// </summary>
public sealed class ClockedCalendar(IMarketCalendar inner, IMarketClock clock) : IMarketCalendar
{
    private readonly IMarketCalendar _inner = inner ?? throw new ArgumentNullException(nameof(inner));
    private readonly IMarketClock _clock = clock ?? throw new ArgumentNullException(nameof(clock));

    public string Name => _inner.Name;

    public TimeZoneInfo TimeZone => _inner.TimeZone;

    public MarketSession? SessionOn(DateOnly localDate) => _inner.SessionOn(localDate);

    public IReadOnlyList<MarketSession> Sessions(DateOnly fromLocalDate, DateOnly toLocalDate) => _inner.Sessions(fromLocalDate, toLocalDate);

    /// <summary>Whether the market is open at the clock's now (the argument is the caller's own time and is not used).</summary>
    public bool IsOpen(DateTimeOffset instant) => _inner.IsOpen(_clock.UtcNow);

    public MarketSession NextSession(DateTimeOffset instant) => _inner.NextSession(instant);
}
