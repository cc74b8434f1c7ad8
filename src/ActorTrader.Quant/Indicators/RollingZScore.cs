namespace ActorTrader.Quant.Indicators;

/// <summary>Rolling z-score of a series against its own trailing window.</summary>
public static class RollingZScore
{
    /// <summary>
    /// z_t = (x_t − mean_w)/sd_w over the last <paramref name="window"/> values INCLUDING x_t, with the sample (n − 1) standard
    /// deviation (pandas rolling().std()); first value at index window − 1; NaN when the window is constant. Window ≥ 2.
    /// </summary>
    public static double[] Compute(ReadOnlySpan<double> values, int window = 20)
    {
        MovingAverage.Check(values, window, 2);
        var mean = Rolling.Sma(values, window);
        var sd = Rolling.SampleStd(values, window);
        var z = IndicatorGuard.NaNs(values.Length);
        for (var i = window - 1; i < values.Length; i++)
        {
            if (sd[i] > 0) z[i] = (values[i] - mean[i]) / sd[i];
        }
        return z;
    }
}
