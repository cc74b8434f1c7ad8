using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Scanners;

/// <summary>
/// The filters of a scanner; null ones are not applied. Price is the last close; average dollar volume is the mean
/// of close × volume over the window; volatility is the annualised standard deviation of daily log returns over the
/// window (√252 for exchange-traded symbols, √365 for crypto); momentum is the total return over the window;
/// listing age is in calendar days since listing.
/// </summary>
public sealed record ScannerFilters(
    ScannerRange? Price = null,
    ScannerRange? AvgDollarVolume = null,
    ScannerRange? Volatility = null,
    ScannerRange? ListingAgeDays = null,
    ScannerRange? Momentum = null,
    IReadOnlyList<AssetProfile>? Profiles = null)
{
    /// <summary>The longest window any filter needs, in bars.</summary>
    public int LongestWindow => new[] { AvgDollarVolume?.WindowDays ?? 0, Volatility?.WindowDays ?? 0, Momentum?.WindowDays ?? 0 }.Max();
}
