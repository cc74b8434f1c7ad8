using MathNet.Numerics.Distributions;

namespace ActorTrader.Quant.Statistics;

/// <summary>
/// Jarque–Bera test of normality — the same statistic as R's <c>tseries::jarque.bera.test</c>: JB = n/6 (S² + (K − 3)²/4)
/// with the population (biased) skewness S and kurtosis K, referred to χ² with 2 degrees of freedom. Daily returns and
/// most model residuals reject it (fat tails); it is reported so a reader knows how far to trust Gaussian intervals.
/// </summary>
public static class JarqueBera
{
    /// <summary>Tests <paramref name="series"/> (finite, non-constant, at least 3 values); <see cref="TestResult.Estimate"/> is the excess kurtosis K − 3.</summary>
    public static TestResult Test(ReadOnlySpan<double> series)
    {
        var n = series.Length;
        if (n < 3) throw new ArgumentException($"series has {n} values; the test needs at least 3.", nameof(series));
        var mean = 0.0;
        for (var t = 0; t < n; t++)
        {
            if (!double.IsFinite(series[t]))
                throw new ArgumentException($"series[{t}] is {series[t]}; drop missing values before testing.", nameof(series));
            mean += series[t];
        }
        mean /= n;
        double m2 = 0, m3 = 0, m4 = 0;
        for (var t = 0; t < n; t++)
        {
            var d = series[t] - mean;
            var d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        m2 /= n;
        m3 /= n;
        m4 /= n;
        if (m2 == 0) throw new ArgumentException("series is constant; skewness and kurtosis are undefined.", nameof(series));
        var skew = m3 / Math.Pow(m2, 1.5);
        var kurtosis = m4 / (m2 * m2);
        var jb = n / 6.0 * (skew * skew + (kurtosis - 3) * (kurtosis - 3) / 4);
        return new TestResult(jb, 1 - ChiSquared.CDF(2, jb), 2, kurtosis - 3, Alternative.Greater);
    }
}
