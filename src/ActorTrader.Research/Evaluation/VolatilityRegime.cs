using ActorTrader.Research.Fitness;
using ActorTrader.Strategies.Panel;

namespace ActorTrader.Research.Evaluation;

/// <summary>
/// The market regime the parameter bandit files rewards under: the annualised volatility of the equal-weight daily
/// returns of the pinned window's in-sample bars, cut into three bands at 12% and 20% — about where long-run realised
/// volatility of a broad US equity index splits into quiet, normal and stressed thirds. One label per run (the window is
/// pinned), so rewards from runs on calm data and on turbulent data are kept apart.
/// </summary>
public static class VolatilityRegime
{
    public const string Low = "low-vol";
    public const string Mid = "mid-vol";
    public const string High = "high-vol";

    /// <summary>Annualised volatility below this is <see cref="Low"/>.</summary>
    public const double LowBelow = 0.12;

    /// <summary>Annualised volatility at or above this is <see cref="High"/>.</summary>
    public const double HighFrom = 0.20;

    /// <summary>The label of <paramref name="window"/>'s in-sample bars of <paramref name="panel"/>.</summary>
    public static string Of(BarPanel panel, PinnedWindow window, double periodsPerYear)
    {
        var volatility = AnnualisedVolatility(panel, window, periodsPerYear);
        return !(volatility >= LowBelow) ? Low : volatility < HighFrom ? Mid : High;
    }

    /// <summary>Sample standard deviation of the equal-weight close-to-close returns × √periods per year (0 with fewer than two returns).</summary>
    public static double AnnualisedVolatility(BarPanel panel, PinnedWindow window, double periodsPerYear)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(window);
        if (!(periodsPerYear > 0)) throw new ArgumentOutOfRangeException(nameof(periodsPerYear), periodsPerYear, "Periods per year must be positive, e.g. 252.");
        var bars = WindowBars.Locate(panel, window);
        var view = panel.AsOf(bars.InSampleLast);
        var closes = bars.SymbolIndices.Select(s => view.Close(s).ToArray()).ToArray();
        var returns = new List<double>();
        for (var t = bars.InSampleFirst + 1; t <= bars.InSampleLast; t++)
        {
            double sum = 0;
            var observed = 0;
            foreach (var close in closes)
            {
                var r = close[t] / close[t - 1] - 1;
                if (!double.IsFinite(r)) continue;
                sum += r;
                observed++;
            }
            if (observed > 0) returns.Add(sum / observed);
        }
        if (returns.Count < 2) return 0;
        var mean = returns.Average();
        var variance = returns.Sum(r => (r - mean) * (r - mean)) / (returns.Count - 1);
        return Math.Sqrt(variance * periodsPerYear);
    }
}
