namespace ActorTrader.Quant.Indicators;

/// <summary>Lambert's Commodity Channel Index.</summary>
public static class CommodityChannelIndex
{
    /// <summary>
    /// CCI = (TP − SMA(TP)) / (0.015 · mean absolute deviation of TP from that SMA), TP = (H + L + C)/3, over
    /// <paramref name="period"/> bars (default 20); first value at index period − 1; 0 when the window is flat.
    /// </summary>
    public static double[] Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period = 20)
    {
        AverageTrueRange.CheckBars(high, low, close);
        IndicatorGuard.Period(period, nameof(period));
        var tp = new double[close.Length];
        for (var i = 0; i < tp.Length; i++) tp[i] = (high[i] + low[i] + close[i]) / 3;
        return FromTypicalPrice(tp, period);
    }

    /// <summary>CCI of an arbitrary series (TradingView's ta.cci(close, 20) in the ratings uses the close).</summary>
    public static double[] FromSeries(ReadOnlySpan<double> values, int period = 20)
    {
        MovingAverage.Check(values, period);
        return FromTypicalPrice(values, period);
    }

    private static double[] FromTypicalPrice(ReadOnlySpan<double> tp, int period)
    {
        var sma = Rolling.Sma(tp, period);
        var cci = IndicatorGuard.NaNs(tp.Length);
        for (var i = period - 1; i < tp.Length; i++)
        {
            var md = 0.0;
            for (var k = 0; k < period; k++) md += Math.Abs(tp[i - k] - sma[i]);
            md /= period;
            cci[i] = md == 0 ? 0 : (tp[i] - sma[i]) / (0.015 * md);
        }
        return cci;
    }
}
