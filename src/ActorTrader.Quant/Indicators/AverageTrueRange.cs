namespace ActorTrader.Quant.Indicators;

/// <summary>True range and Wilder's Average True Range.</summary>
public static class AverageTrueRange
{
    /// <summary>
    /// True range max(H − L, |H − C_{t−1}|, |L − C_{t−1}|); the first bar, having no previous close, uses H − L
    /// (StockCharts, TradingView ta.atr). No warm-up.
    /// </summary>
    public static double[] TrueRange(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close)
    {
        CheckBars(high, low, close);
        var tr = new double[close.Length];
        for (var i = 0; i < close.Length; i++)
        {
            tr[i] = i == 0
                ? high[i] - low[i]
                : Math.Max(high[i] - low[i], Math.Max(Math.Abs(high[i] - close[i - 1]), Math.Abs(low[i] - close[i - 1])));
        }
        return tr;
    }

    /// <summary>ATR = Wilder smoothing of the true range, seeded with the mean of the first <paramref name="period"/> true ranges; first value at index period − 1.</summary>
    public static double[] Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period = 14)
    {
        IndicatorGuard.Period(period, nameof(period));
        return Rolling.Wilder(TrueRange(high, low, close), period);
    }

    internal static void CheckBars(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close)
    {
        IndicatorGuard.SameLength(close, high, nameof(close), nameof(high));
        IndicatorGuard.SameLength(close, low, nameof(close), nameof(low));
        IndicatorGuard.Prices(high, nameof(high));
        IndicatorGuard.Prices(low, nameof(low));
        IndicatorGuard.Prices(close, nameof(close));
    }
}
