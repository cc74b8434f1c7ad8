using ActorTrader.Quant.Returns;

namespace ActorTrader.Quant.Metrics;

/// <summary>
/// Location, dispersion and shape of a series of simple periodic returns. NaN marks a missing period and is
/// dropped before computing; empty or all-NaN input throws <see cref="ArgumentException"/> naming the parameter.
/// </summary>
public static class ReturnMoments
{
    /// <summary>Arithmetic mean return per period.</summary>
    public static double Mean(ReadOnlySpan<double> returns) => SeriesGuard.Mean(SeriesGuard.Present(returns, nameof(returns)));

    /// <summary>Arithmetic mean per period times <paramref name="periodsPerYear"/>.</summary>
    public static double AnnualisedMean(ReadOnlySpan<double> returns, double periodsPerYear = PeriodsPerYear.TradingDays)
    {
        PeriodsPerYear.Require(periodsPerYear);
        return Mean(returns) * periodsPerYear;
    }

    /// <summary>Compound annual growth rate: (Π(1 + r))^(periodsPerYear / n) − 1 over the observed periods.</summary>
    public static double AnnualisedReturn(ReadOnlySpan<double> returns, double periodsPerYear = PeriodsPerYear.TradingDays)
    {
        PeriodsPerYear.Require(periodsPerYear);
        var r = SeriesGuard.Present(returns, nameof(returns));
        var logGrowth = 0.0;
        foreach (var v in r)
        {
            if (v <= -1) return -1; // wiped out: the capital is gone whatever the horizon
            logGrowth += Math.Log(1 + v);
        }
        return Math.Exp(logGrowth * periodsPerYear / r.Length) - 1;
    }

    /// <summary>Sample standard deviation (n − 1) per period; needs two observed returns.</summary>
    public static double StandardDeviation(ReadOnlySpan<double> returns) =>
        Math.Sqrt(SeriesGuard.SampleVariance(SeriesGuard.PresentAtLeast(returns, 2, nameof(returns))));

    /// <summary>Annualised volatility: sample standard deviation × √periodsPerYear.</summary>
    public static double Volatility(ReadOnlySpan<double> returns, double periodsPerYear = PeriodsPerYear.TradingDays)
    {
        PeriodsPerYear.Require(periodsPerYear);
        return StandardDeviation(returns) * Math.Sqrt(periodsPerYear);
    }

    /// <summary>
    /// Sample-adjusted skewness G1 = g1·√(n(n−1))/(n−2), g1 = m3/m2^1.5 with population moments m_k — the convention of
    /// pandas <c>Series.skew()</c> and Excel SKEW. Needs three observed returns; 0 for a constant series.
    /// </summary>
    public static double Skewness(ReadOnlySpan<double> returns)
    {
        var r = SeriesGuard.PresentAtLeast(returns, 3, nameof(returns));
        var (m2, m3, _) = CentralMoments(r);
        if (m2 == 0) return 0;
        double n = r.Length;
        return m3 / Math.Pow(m2, 1.5) * Math.Sqrt(n * (n - 1)) / (n - 2);
    }

    /// <summary>
    /// Sample-adjusted excess kurtosis G2 = ((n+1)·g2 + 6)·(n−1)/((n−2)(n−3)), g2 = m4/m2² − 3 — the convention of pandas
    /// <c>Series.kurt()</c> and Excel KURT (a normal sample gives ≈ 0). Needs four observed returns; 0 for a constant series.
    /// </summary>
    public static double ExcessKurtosis(ReadOnlySpan<double> returns)
    {
        var r = SeriesGuard.PresentAtLeast(returns, 4, nameof(returns));
        var (m2, _, m4) = CentralMoments(r);
        if (m2 == 0) return 0;
        double n = r.Length;
        var g2 = m4 / (m2 * m2) - 3;
        return ((n + 1) * g2 + 6) * (n - 1) / ((n - 2) * (n - 3));
    }

    /// <summary>Population (biased) skewness m3/m2^1.5, as used by the Probabilistic Sharpe Ratio.</summary>
    internal static double PopulationSkewness(ReadOnlySpan<double> r)
    {
        var (m2, m3, _) = CentralMoments(r);
        return m2 == 0 ? 0 : m3 / Math.Pow(m2, 1.5);
    }

    /// <summary>Population (biased) non-excess kurtosis m4/m2² (3 for a normal), as used by the Probabilistic Sharpe Ratio.</summary>
    internal static double PopulationKurtosis(ReadOnlySpan<double> r)
    {
        var (m2, _, m4) = CentralMoments(r);
        return m2 == 0 ? 3 : m4 / (m2 * m2);
    }

    private static (double M2, double M3, double M4) CentralMoments(ReadOnlySpan<double> r)
    {
        var mean = SeriesGuard.Mean(r);
        double s2 = 0, s3 = 0, s4 = 0;
        foreach (var v in r)
        {
            var d = v - mean;
            var d2 = d * d;
            s2 += d2;
            s3 += d2 * d;
            s4 += d2 * d2;
        }
        return (s2 / r.Length, s3 / r.Length, s4 / r.Length);
    }
}
