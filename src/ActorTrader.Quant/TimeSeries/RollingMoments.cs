namespace ActorTrader.Quant.TimeSeries;

/// <summary>
/// Trailing-window moments over the last <c>window</c> values up to and including t (never later ones): mean, sample
/// standard deviation (n - 1) and sample skewness (the adjusted Fisher–Pearson G1, as Excel's SKEW and pandas' skew).
/// A window with a NaN, or not yet full, gives NaN.
/// </summary>
public static class RollingMoments
{
    public static double[] Mean(IReadOnlyList<double> series, int window) => Apply(series, window, 1, values => values.Average());

    public static double[] StandardDeviation(IReadOnlyList<double> series, int window) => Apply(series, window, 2, values =>
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
    });

    /// <summary>G1 = n / ((n-1)(n-2)) · Σ((x - mean)/s)³; NaN when the window is flat (s = 0).</summary>
    public static double[] Skewness(IReadOnlyList<double> series, int window) => Apply(series, window, 3, values =>
    {
        var n = values.Length;
        var mean = values.Average();
        var s = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (n - 1));
        if (s == 0) return double.NaN;
        return n / ((n - 1.0) * (n - 2.0)) * values.Sum(v => Math.Pow((v - mean) / s, 3));
    });

    private static double[] Apply(IReadOnlyList<double> series, int window, int minimum, Func<double[], double> statistic)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, minimum);
        var result = new double[series.Count];
        var buffer = new double[window];
        for (var t = 0; t < series.Count; t++)
        {
            if (t < window - 1)
            {
                result[t] = double.NaN;
                continue;
            }
            for (var i = 0; i < window; i++) buffer[i] = series[t - window + 1 + i];
            result[t] = buffer.Any(double.IsNaN) ? double.NaN : statistic(buffer);
        }
        return result;
    }
}
