namespace ActorTrader.Domain.Calendar;

/// <summary>
/// When a market trades. Inputs and outputs are UTC; the exchange's time zone is used inside only.
/// <c>MarketCalendars.Nyse</c> (America/New_York, holidays, early closes, DST) and
/// <c>MarketCalendars.Crypto</c> (24x7 UTC, one session per UTC day) implement it.
/// </summary>
public interface IMarketCalendar
{
    string Name { get; }

    TimeZoneInfo TimeZone { get; }

    /// <summary>The session on the exchange-local date, or null on a weekend or holiday.</summary>
    MarketSession? SessionOn(DateOnly localDate);

    /// <summary>Sessions with from ≤ local date ≤ to, ascending.</summary>
    IReadOnlyList<MarketSession> Sessions(DateOnly fromLocalDate, DateOnly toLocalDate);

    bool IsOpen(DateTimeOffset instant);

    /// <summary>The first session whose close is after <paramref name="instant"/> (the current one when open).</summary>
    MarketSession NextSession(DateTimeOffset instant);
}
