using ActorTrader.Quant.Estimators;

namespace ActorTrader.Quant.Metrics;

/// <summary>
/// Beta and correlation of a position to a benchmark, measured on NET exposure.
/// <para>
/// Given the instrument's return r_t, the book's net exposure e_t to it in period t (fraction of NAV held over the period:
/// +1 fully long, −0.5 half short, 0 flat) and the benchmark return b_t, the position contributes p_t = e_t · r_t to the
/// book's return. Beta = Cov(p, b) / Var(b) and correlation = Corr(p, b), with sample (n − 1) moments. A short position
/// therefore REDUCES (negates) beta: holding the benchmark itself at e = −1 gives beta −1, at e = 0.5 gives 0.5.
/// Periods where any input is NaN are dropped pairwise; at least three common periods are required.
/// </para>
/// </summary>
public static class BenchmarkExposure
{
    /// <summary>Beta of the position-weighted returns e_t·r_t to the benchmark; NaN when the benchmark is constant.</summary>
    public static double Beta(ReadOnlySpan<double> assetReturns, ReadOnlySpan<double> netExposure, ReadOnlySpan<double> benchmarkReturns)
    {
        var (p, b) = PositionReturns(assetReturns, netExposure, benchmarkReturns);
        return BetaOf(p, b);
    }

    /// <summary>Correlation of the position-weighted returns e_t·r_t with the benchmark; NaN when either side is constant.</summary>
    public static double Correlation(ReadOnlySpan<double> assetReturns, ReadOnlySpan<double> netExposure, ReadOnlySpan<double> benchmarkReturns)
    {
        var (p, b) = PositionReturns(assetReturns, netExposure, benchmarkReturns);
        return CorrelationOf(p, b);
    }

    /// <summary>Beta of a return series that already is the book's (exposure-weighted) return.</summary>
    public static double Beta(ReadOnlySpan<double> returns, ReadOnlySpan<double> benchmarkReturns)
    {
        var (p, b) = SeriesGuard.PresentPairs(returns, benchmarkReturns, nameof(returns), nameof(benchmarkReturns), 3);
        return BetaOf(p, b);
    }

    /// <summary>Correlation of a return series that already is the book's return with the benchmark.</summary>
    public static double Correlation(ReadOnlySpan<double> returns, ReadOnlySpan<double> benchmarkReturns)
    {
        var (p, b) = SeriesGuard.PresentPairs(returns, benchmarkReturns, nameof(returns), nameof(benchmarkReturns), 3);
        return CorrelationOf(p, b);
    }

    private static (double[] Position, double[] Benchmark) PositionReturns(
        ReadOnlySpan<double> assetReturns, ReadOnlySpan<double> netExposure, ReadOnlySpan<double> benchmarkReturns)
    {
        if (assetReturns.IsEmpty) throw new ArgumentException("assetReturns is empty.", nameof(assetReturns));
        SeriesGuard.SameLength(assetReturns.Length, netExposure.Length, nameof(assetReturns), nameof(netExposure));
        var weighted = new double[assetReturns.Length];
        for (var t = 0; t < weighted.Length; t++) weighted[t] = assetReturns[t] * netExposure[t]; // NaN propagates = missing
        return SeriesGuard.PresentPairs(weighted, benchmarkReturns, nameof(assetReturns), nameof(benchmarkReturns), 3);
    }

    private static double BetaOf(double[] p, double[] b)
    {
        var (cov, _, varB) = Moments(p, b);
        // A constant benchmark has no variance to explain: beta is undefined rather than infinite.
        return varB == 0 ? double.NaN : cov / varB;
    }

    private static double CorrelationOf(double[] p, double[] b)
    {
        var (cov, varP, varB) = Moments(p, b);
        return varP == 0 || varB == 0 ? double.NaN : cov / Math.Sqrt(varP * varB);
    }

    private static (double Cov, double VarX, double VarY) Moments(double[] x, double[] y)
    {
        var m = PairwiseMoments.Of(x, y);
        var n1 = m.Count - 1;
        return (m.CrossSum / n1, m.XSquares / n1, m.YSquares / n1);
    }
}
