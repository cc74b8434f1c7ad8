using ActorTrader.Quant.Metrics;

namespace ActorTrader.Quant.Statistics;

/// <summary>Student's paired t-test on differences x_i − y_i.</summary>
public static class PairedTTest
{
    /// <summary>
    /// t = mean(d)/(sd(d)/√n) with the sample standard deviation, n − 1 degrees of freedom. Pairs where either side is NaN are
    /// dropped. <see cref="Alternative.Greater"/>: mean of x exceeds mean of y. Needs two pairs and non-constant differences.
    /// </summary>
    public static TestResult Test(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Alternative alternative = Alternative.TwoSided)
    {
        var (xs, ys) = SeriesGuard.PresentPairs(x, y, nameof(x), nameof(y), 2);
        var d = new double[xs.Length];
        for (var i = 0; i < d.Length; i++) d[i] = xs[i] - ys[i];
        var mean = SeriesGuard.Mean(d);
        var sd = Math.Sqrt(SeriesGuard.SampleVariance(d));
        if (sd == 0)
            throw new ArgumentException("The differences x − y are all equal; the t statistic is undefined (infinite or 0/0).", nameof(y));
        var t = mean / (sd / Math.Sqrt(d.Length));
        return new TestResult(t, StudentTail.PValue(t, d.Length - 1, alternative), d.Length - 1, mean, alternative);
    }
}
