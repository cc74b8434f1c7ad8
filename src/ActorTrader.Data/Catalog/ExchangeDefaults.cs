using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Catalog;

/// <summary>
/// The exchanges <c>exchanges.parquet</c> starts with, and the fallback for an exchange it does not know:
/// a crypto venue trades 24x7 in UTC; anything else is assumed to be a US venue (America/New_York, 09:30-16:00,
/// NYSE calendar) and flagged <see cref="ExchangeInfo.IsFallback"/> — never UTC/24x7, because a stock put on a
/// round-the-clock UTC clock would trade and mark prices at the wrong times.
/// </summary>
public static class ExchangeDefaults
{
    public const string NewYork = "America/New_York";
    public const string Utc = "UTC";
    public const string UsRegularSession = "09:30-16:00";
    public const string NyseCalendar = "NYSE";
    public const string CryptoCalendar = "CRYPTO";

    /// <summary>NYSE, NASDAQ, ARCA, AMEX, BATS, IEX, OTC (US equity venues) and CRYPTO.</summary>
    public static IReadOnlyList<ExchangeInfo> Bootstrap { get; } =
    [
        UsVenue("NYSE", "XNYS", "New York Stock Exchange", 0.01m),
        UsVenue("NASDAQ", "XNAS", "Nasdaq", 0.01m),
        UsVenue("ARCA", "ARCX", "NYSE Arca", 0.01m),
        UsVenue("AMEX", "XASE", "NYSE American", 0.01m),
        UsVenue("BATS", "BATS", "Cboe BZX", 0.01m),
        UsVenue("IEX", "IEXG", "Investors Exchange", 0.01m),
        // OTC ticks depend on the price (sub-penny below $1), so there is no single default.
        UsVenue("OTC", "OTCM", "OTC Markets", null),
        new ExchangeInfo("CRYPTO", null, "Crypto (24x7)", Utc, SessionHours.AllWeek, CryptoCalendar, null, null, IsFallback: false),
    ];

    /// <summary>The row added for an exchange met in the catalog but missing from the table.</summary>
    public static ExchangeInfo Fallback(string code, AssetProfile profile) => profile == AssetProfile.Crypto
        ? new ExchangeInfo(code, null, code, Utc, SessionHours.AllWeek, CryptoCalendar, null, null, IsFallback: true)
        : new ExchangeInfo(code, null, code, NewYork, UsRegularSession, NyseCalendar, null, null, IsFallback: true);

    private static ExchangeInfo UsVenue(string code, string mic, string name, decimal? tick) =>
        new(code, mic, name, NewYork, UsRegularSession, NyseCalendar, tick, 1m, IsFallback: false);
}
