using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Scanners;

/// <summary>What the filters look at for one symbol, computed from its recent daily bars (oldest first). Null = not enough data.</summary>
public sealed record ScanMetrics(decimal? LastClose, decimal? AvgDollarVolume, double? Volatility, decimal? Momentum, int? ListingAgeDays)
{
    /// <summary>Computes the metrics the scanner's filters need over their windows.</summary>
    public static ScanMetrics Compute(ScannerFilters filters, AssetProfile profile, IReadOnlyList<Bar> bars, DateOnly? listedOn, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentNullException.ThrowIfNull(bars);
        var lastClose = bars.Count > 0 ? bars[^1].Close : (decimal?)null;
        decimal? adv = null;
        if (filters.AvgDollarVolume is { WindowDays: > 0 } a && bars.Count >= a.WindowDays)
        {
            var sum = 0m;
            for (var i = bars.Count - a.WindowDays; i < bars.Count; i++) sum += bars[i].Close * bars[i].Volume;
            adv = sum / a.WindowDays;
        }
        double? volatility = null;
        if (filters.Volatility is { WindowDays: > 0 } v && bars.Count > v.WindowDays)
        {
            var returns = new double[v.WindowDays];
            for (var i = 0; i < v.WindowDays; i++)
            {
                var k = bars.Count - v.WindowDays + i;
                returns[i] = Math.Log((double)bars[k].Close / (double)bars[k - 1].Close);
            }
            var mean = returns.Average();
            var variance = returns.Sum(r => (r - mean) * (r - mean)) / Math.Max(1, returns.Length - 1);
            volatility = Math.Sqrt(variance * (profile == AssetProfile.Crypto ? 365 : 252));
        }
        decimal? momentum = null;
        if (filters.Momentum is { WindowDays: > 0 } m && bars.Count > m.WindowDays)
            momentum = bars[^1].Close / bars[^(m.WindowDays + 1)].Close - 1m;
        // Unknown listing date: the age is unknown (the first bar read is only the start of the lookback window).
        int? age = listedOn is { } listed ? DateOnly.FromDateTime(asOf.UtcDateTime).DayNumber - listed.DayNumber : null;
        return new ScanMetrics(lastClose, adv, volatility, momentum, age);
    }
}
