using ActorTrader.Domain.Instruments;

namespace ActorTrader.Domain.Calendar;

/// <summary>
/// The calendars ActorTrader knows, and which one a symbol trades on. Both are immutable and thread-safe.
/// </summary>
public static class MarketCalendars
{
    /// <summary>NYSE regular hours, also used for NASDAQ, ARCA, AMEX, BATS, IEX and OTC (same US holidays and hours).</summary>
    public static NyseCalendar Nyse { get; } = new(ExchangeTimeZones.NewYork);

    /// <summary>24x7, one session per UTC day.</summary>
    public static CryptoCalendar Crypto { get; } = new();

    /// <summary>
    /// The calendar of a symbol with this profile listed on this exchange. Crypto trades 24x7 wherever listed.
    /// Futures (CME, CBOT, NYMEX, COMEX, CFE, ICE) get the NYSE calendar on purpose: Globex's near-24x5 hours with
    /// daily maintenance breaks and per-product holiday schedules are not modelled, and the NYSE regular session
    /// is a conservative subset (the system never believes a future trades when it does not, and US holidays
    /// line up for daily bars). Throws naming the exchange and the fix when no calendar fits.
    /// </summary>
    public static IMarketCalendar For(AssetProfile profile, string exchange)
    {
        if (TryFor(profile, exchange, out var calendar, out var error)) return calendar;
        throw new ArgumentException(error, nameof(exchange));
    }

    /// <inheritdoc cref="For(AssetProfile, string)"/>
    public static IMarketCalendar For(Symbol symbol, AssetProfile profile) => For(profile, symbol.Exchange);

    /// <summary>Like <see cref="For(AssetProfile, string)"/>, returning false and an error that names the fix instead of throwing.</summary>
    public static bool TryFor(AssetProfile profile, string? exchange, out IMarketCalendar calendar, out string error)
    {
        var name = exchange?.Trim().ToUpperInvariant() ?? "";
        calendar = Nyse;
        error = "";
        switch (profile)
        {
            case AssetProfile.Crypto:
                calendar = Crypto;
                return true;
            case AssetProfile.UsEquity or AssetProfile.Etf when Exchanges.UsEquity.Contains(name):
                return true;
            case AssetProfile.Future when Exchanges.Futures.Contains(name):
                return true;
            default:
                var known = profile == AssetProfile.Future ? Exchanges.Futures : Exchanges.UsEquity;
                error = $"No market calendar for a {profile.ToText()} on exchange \"{exchange}\". " +
                        $"Fix: use one of {string.Join(", ", known.Order(StringComparer.Ordinal))}" +
                        (name == Exchanges.Crypto ? ", or give the symbol the crypto profile." : ".");
                return false;
        }
    }
}
