using System.Runtime.InteropServices;
using ActorTrader.Quant.Metrics;

namespace ActorTrader.Quant.Regimes;

/// <summary>Rolling volatility and the regime label of every period.</summary>
/// <param name="RollingVolatility">Sample (n − 1) standard deviation of the last <c>window</c> returns, not annualised; NaN in the warm-up.</param>
/// <param name="Labels">0 = calmest … thresholds.Count = most volatile; −1 in the warm-up.</param>
public sealed record VolatilityRegimeResult(IReadOnlyList<double> RollingVolatility, IReadOnlyList<int> Labels);

/// <summary>Volatility regimes from quantiles of rolling volatility (e.g. terciles: low / normal / high).</summary>
public static class VolatilityRegimes
{
    /// <summary>
    /// Label = number of quantile thresholds the rolling volatility strictly exceeds. Default quantiles ⅓ and ⅔ give three
    /// regimes. Returns must be finite; the first <paramref name="window"/> − 1 periods are labelled −1.
    /// </summary>
    public static VolatilityRegimeResult Classify(ReadOnlySpan<double> returns, int window = 21, IReadOnlyList<double>? quantiles = null,
        ThresholdMode mode = ThresholdMode.FullSample)
    {
        quantiles ??= [1.0 / 3, 2.0 / 3];
        if (window < 2) throw new ArgumentOutOfRangeException(nameof(window), window, "window must be at least 2 returns.");
        for (var k = 0; k < quantiles.Count; k++)
        {
            if (!(quantiles[k] > 0 && quantiles[k] < 1) || (k > 0 && quantiles[k] <= quantiles[k - 1]))
                throw new ArgumentException("quantiles must be increasing and strictly between 0 and 1, e.g. [1/3, 2/3].", nameof(quantiles));
        }
        for (var i = 0; i < returns.Length; i++)
        {
            if (!double.IsFinite(returns[i])) throw new ArgumentException($"returns[{i}] is {returns[i]}; fill or drop missing periods first.", nameof(returns));
        }
        if (returns.Length < window)
            throw new ArgumentException($"returns has {returns.Length} values; the rolling window needs {window}.", nameof(returns));

        var vol = new double[returns.Length];
        Array.Fill(vol, double.NaN);
        for (var t = window - 1; t < returns.Length; t++) vol[t] = Math.Sqrt(SeriesGuard.SampleVariance(returns.Slice(t - window + 1, window)));

        var labels = new int[returns.Length];
        Array.Fill(labels, -1);
        var fullSorted = SeriesGuard.Sorted(vol.AsSpan(window - 1));
        var history = new List<double>();
        for (var t = window - 1; t < returns.Length; t++)
        {
            if (mode == ThresholdMode.Expanding)
            {
                var at = history.BinarySearch(vol[t]);
                history.Insert(at < 0 ? ~at : at, vol[t]);
            }
            ReadOnlySpan<double> sorted = mode == ThresholdMode.Expanding ? CollectionsMarshal.AsSpan(history) : fullSorted;
            var label = 0;
            foreach (var q in quantiles) if (vol[t] > SeriesGuard.QuantileSorted(sorted, q)) label++;
            labels[t] = label;
        }
        return new VolatilityRegimeResult(vol, labels);
    }
}
