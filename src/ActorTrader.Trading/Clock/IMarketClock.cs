using ActorTrader.Domain.Calendar;

namespace ActorTrader.Trading.Clock;

/// <summary>
/// The time the trading day runs on, and the market it runs for. Everything inside is UTC; the calendar turns an
/// instant into the exchange-local date and session (America/New_York for the NYSE). Live trading uses
/// <see cref="LiveMarketClock"/>; a replay moves a <see cref="ReplayMarketClock"/> forward itself.
/// </summary>
public interface IMarketClock
{
    /// <summary>Now, UTC.</summary>
    DateTimeOffset UtcNow { get; }

    IMarketCalendar Calendar { get; }
}
