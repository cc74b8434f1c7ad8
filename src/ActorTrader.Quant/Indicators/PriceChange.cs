namespace ActorTrader.Quant.Indicators;

/// <summary>Momentum and rate of change over a fixed lag; the first <c>lag</c> values are NaN.</summary>
public static class PriceChange
{
    /// <summary>Momentum C_t − C_{t−lag} (TradingView ta.mom; default lag 10).</summary>
    public static double[] Momentum(ReadOnlySpan<double> close, int lag = 10)
    {
        MovingAverage.Check(close, lag);
        var y = IndicatorGuard.NaNs(close.Length);
        for (var i = lag; i < close.Length; i++) y[i] = close[i] - close[i - lag];
        return y;
    }

    /// <summary>Rate of change in percent: 100·(C_t / C_{t−lag} − 1); NaN where the lagged price is 0.</summary>
    public static double[] RateOfChange(ReadOnlySpan<double> close, int lag = 10)
    {
        MovingAverage.Check(close, lag);
        var y = IndicatorGuard.NaNs(close.Length);
        for (var i = lag; i < close.Length; i++)
        {
            if (close[i - lag] != 0) y[i] = 100 * (close[i] / close[i - lag] - 1);
        }
        return y;
    }
}
