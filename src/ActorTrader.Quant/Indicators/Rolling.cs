namespace ActorTrader.Quant.Indicators;

/// <summary>
/// Warm-up aware building blocks. Inputs may start with a NaN warm-up (the output of another indicator); a value is
/// produced once a full window of non-NaN inputs is available, so warm-ups add up predictably.
/// </summary>
internal static class Rolling
{
    public static int FirstValid(ReadOnlySpan<double> x)
    {
        for (var i = 0; i < x.Length; i++) if (!double.IsNaN(x[i])) return i;
        return x.Length;
    }

    public static double[] Sma(ReadOnlySpan<double> x, int period)
    {
        var y = IndicatorGuard.NaNs(x.Length);
        var start = FirstValid(x);
        var sum = 0.0;
        for (var i = start; i < x.Length; i++)
        {
            sum += x[i];
            if (i - start >= period) sum -= x[i - period];
            if (i - start >= period - 1) y[i] = sum / period;
        }
        return y;
    }

    /// <summary>Recursive smoothing y_t = α·x_t + (1 − α)·y_{t−1}, seeded with the SMA of the first full window.</summary>
    public static double[] SeededExponential(ReadOnlySpan<double> x, int period, double alpha)
    {
        var y = IndicatorGuard.NaNs(x.Length);
        var start = FirstValid(x);
        var seedAt = start + period - 1;
        if (seedAt >= x.Length) return y;
        var sum = 0.0;
        for (var i = start; i <= seedAt; i++) sum += x[i];
        y[seedAt] = sum / period;
        for (var i = seedAt + 1; i < x.Length; i++) y[i] = alpha * x[i] + (1 - alpha) * y[i - 1];
        return y;
    }

    public static double[] Ema(ReadOnlySpan<double> x, int period) => SeededExponential(x, period, 2.0 / (period + 1));

    public static double[] Wilder(ReadOnlySpan<double> x, int period) => SeededExponential(x, period, 1.0 / period);

    /// <summary>Linearly weighted: weight k for the k-th oldest of the window (the newest gets <paramref name="period"/>).</summary>
    public static double[] Wma(ReadOnlySpan<double> x, int period)
    {
        var y = IndicatorGuard.NaNs(x.Length);
        var start = FirstValid(x);
        var denominator = period * (period + 1) / 2.0;
        for (var i = start + period - 1; i < x.Length; i++)
        {
            var s = 0.0;
            for (var k = 0; k < period; k++) s += (period - k) * x[i - k];
            y[i] = s / denominator;
        }
        return y;
    }

    public static double[] Highest(ReadOnlySpan<double> x, int period) => Extreme(x, period, +1);

    public static double[] Lowest(ReadOnlySpan<double> x, int period) => Extreme(x, period, -1);

    private static double[] Extreme(ReadOnlySpan<double> x, int period, int sign)
    {
        var y = IndicatorGuard.NaNs(x.Length);
        var start = FirstValid(x);
        for (var i = start + period - 1; i < x.Length; i++)
        {
            var e = x[i];
            for (var k = 1; k < period; k++) e = sign > 0 ? Math.Max(e, x[i - k]) : Math.Min(e, x[i - k]);
            y[i] = e;
        }
        return y;
    }

    /// <summary>Population (divide by n) standard deviation over the window.</summary>
    public static double[] PopulationStd(ReadOnlySpan<double> x, int period) => Std(x, period, period);

    /// <summary>Sample (divide by n − 1) standard deviation over the window.</summary>
    public static double[] SampleStd(ReadOnlySpan<double> x, int period) => Std(x, period, period - 1);

    private static double[] Std(ReadOnlySpan<double> x, int period, int divisor)
    {
        var y = IndicatorGuard.NaNs(x.Length);
        var start = FirstValid(x);
        for (var i = start + period - 1; i < x.Length; i++)
        {
            var m = 0.0;
            for (var k = 0; k < period; k++) m += x[i - k];
            m /= period;
            var s = 0.0;
            for (var k = 0; k < period; k++) s += (x[i - k] - m) * (x[i - k] - m);
            y[i] = Math.Sqrt(s / divisor);
        }
        return y;
    }

    public static double[] Subtract(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var y = new double[a.Length];
        for (var i = 0; i < a.Length; i++) y[i] = a[i] - b[i];
        return y;
    }
}
