namespace ActorTrader.Quant.Indicators;

/// <summary>Wilder's Relative Strength Index (1978) on closes.</summary>
public static class RelativeStrengthIndex
{
    /// <summary>
    /// RSI = 100 − 100/(1 + avgGain/avgLoss). The first averages are plain means of the first <paramref name="period"/>
    /// close-to-close gains and losses, then Wilder-smoothed: avg_t = (avg_{t−1}·(n − 1) + x_t)/n (TradingView ta.rsi, StockCharts).
    /// First value at index <paramref name="period"/>. Without losses the RSI is 100, without gains 0, on a flat window 50.
    /// </summary>
    public static double[] Compute(ReadOnlySpan<double> close, int period = 14)
    {
        MovingAverage.Check(close, period);
        return FromCloses(close, period);
    }

    internal static double[] FromCloses(ReadOnlySpan<double> close, int period)
    {
        var gains = IndicatorGuard.NaNs(close.Length);
        var losses = IndicatorGuard.NaNs(close.Length);
        for (var i = 1; i < close.Length; i++)
        {
            var change = close[i] - close[i - 1];
            gains[i] = Math.Max(change, 0);
            losses[i] = Math.Max(-change, 0);
        }
        var avgGain = Rolling.Wilder(gains, period);
        var avgLoss = Rolling.Wilder(losses, period);
        var rsi = IndicatorGuard.NaNs(close.Length);
        for (var i = 0; i < close.Length; i++)
        {
            if (double.IsNaN(avgGain[i])) continue;
            rsi[i] = avgLoss[i] == 0 ? (avgGain[i] == 0 ? 50 : 100) : 100 - 100 / (1 + avgGain[i] / avgLoss[i]);
        }
        return rsi;
    }
}
