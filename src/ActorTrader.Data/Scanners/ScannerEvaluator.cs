using System.Globalization;
using ActorTrader.Data.Providers;
using ActorTrader.Domain.Bars;

namespace ActorTrader.Data.Scanners;

/// <summary>
/// Applies a scanner's filters to one symbol: direction (short needs a shortable symbol, every direction a tradable
/// one), profiles, then the numeric filters. Missing data fails a filter rather than passing it silently. Pure.
/// </summary>
public static class ScannerEvaluator
{
    public static ScanVerdict Evaluate(ScannerDefinition scanner, SymbolMetadata metadata, IReadOnlyList<Bar> bars, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(scanner);
        ArgumentNullException.ThrowIfNull(metadata);
        var f = scanner.Filters;
        var metrics = ScanMetrics.Compute(f, metadata.Profile, bars, metadata.ListedOn, asOf);
        return new ScanVerdict(metadata.Symbol, metadata.Profile, metrics, FirstFailure(scanner, metadata, metrics));
    }

    private static string? FirstFailure(ScannerDefinition scanner, SymbolMetadata metadata, ScanMetrics m)
    {
        var f = scanner.Filters;
        if (!metadata.Tradable) return "direction: not tradable";
        if (scanner.Direction == ScanDirection.Short && !metadata.Shortable) return "direction: short scanner, symbol not shortable";
        if (f.Profiles is { } profiles && !profiles.Contains(metadata.Profile)) return $"profiles: {ProfileNames.Name(metadata.Profile)} not in [{string.Join(", ", profiles.Select(ProfileNames.Name))}]";
        return Check("price", f.Price, m.LastClose)
            ?? Check("avg-dollar-volume", f.AvgDollarVolume, m.AvgDollarVolume)
            ?? Check("volatility", f.Volatility, m.Volatility is { } v && double.IsFinite(v) ? (decimal)v : null)
            ?? Check("listing-age-days", f.ListingAgeDays, m.ListingAgeDays)
            ?? Check("momentum", f.Momentum, m.Momentum);
    }

    private static string? Check(string name, ScannerRange? range, decimal? value)
    {
        if (range is null) return null;
        if (value is not { } v) return $"{name}: not enough data ({range})";
        return range.Contains(v) ? null : $"{name}: {Math.Round(v, 4).ToString(CultureInfo.InvariantCulture)} outside {range}";
    }
}
