namespace ActorTrader.Quant.Indicators;

/// <summary>
/// Moving averages of a price series. Output has the input's length; the first <c>period − 1</c> values are NaN (warm-up).
/// Inputs must be finite (no NaN gaps).
/// </summary>
public static class MovingAverage
{
    /// <summary>Simple moving average: mean of the last <paramref name="period"/> values; first value at index period − 1.</summary>
    public static double[] Simple(ReadOnlySpan<double> values, int period)
    {
        Check(values, period);
        return Rolling.Sma(values, period);
    }

    /// <summary>
    /// Exponential moving average with α = 2/(period + 1), SEEDED WITH THE SMA of the first <paramref name="period"/> values
    /// at index period − 1 (TA-Lib, StockCharts and TradingView's ta.ema do the same), then y_t = α·x_t + (1 − α)·y_{t−1}.
    /// </summary>
    public static double[] Exponential(ReadOnlySpan<double> values, int period)
    {
        Check(values, period);
        return Rolling.Ema(values, period);
    }

    /// <summary>Wilder's smoothing (TradingView ta.rma): α = 1/period, seeded with the SMA of the first window.</summary>
    public static double[] Wilder(ReadOnlySpan<double> values, int period)
    {
        Check(values, period);
        return Rolling.Wilder(values, period);
    }

    /// <summary>Linearly weighted moving average: weights 1..period, newest heaviest; first value at index period − 1.</summary>
    public static double[] Weighted(ReadOnlySpan<double> values, int period)
    {
        Check(values, period);
        return Rolling.Wma(values, period);
    }

    /// <summary>
    /// Hull moving average: WMA(2·WMA(x, ⌊n/2⌋) − WMA(x, n), ⌊√n⌋). First value at index n − 1 + ⌊√n⌋ − 1 (n ≥ 2).
    /// </summary>
    public static double[] Hull(ReadOnlySpan<double> values, int period)
    {
        Check(values, period, 2);
        var half = Rolling.Wma(values, period / 2);
        var full = Rolling.Wma(values, period);
        var raw = new double[values.Length];
        for (var i = 0; i < raw.Length; i++) raw[i] = 2 * half[i] - full[i];
        return Rolling.Wma(raw, (int)Math.Floor(Math.Sqrt(period)));
    }

    /// <summary>Volume-weighted moving average Σ(close·volume)/Σvolume over the window; NaN where the window's volume is 0.</summary>
    public static double[] VolumeWeighted(ReadOnlySpan<double> close, ReadOnlySpan<double> volume, int period)
    {
        Check(close, period);
        IndicatorGuard.SameLength(close, volume, nameof(close), nameof(volume));
        IndicatorGuard.Prices(volume, nameof(volume));
        var y = IndicatorGuard.NaNs(close.Length);
        for (var i = period - 1; i < close.Length; i++)
        {
            double pv = 0, v = 0;
            for (var k = 0; k < period; k++)
            {
                pv += close[i - k] * volume[i - k];
                v += volume[i - k];
            }
            if (v != 0) y[i] = pv / v;
        }
        return y;
    }

    internal static void Check(ReadOnlySpan<double> values, int period, int minimumPeriod = 1)
    {
        IndicatorGuard.Period(period, nameof(period), minimumPeriod);
        IndicatorGuard.Prices(values, nameof(values));
    }
}
