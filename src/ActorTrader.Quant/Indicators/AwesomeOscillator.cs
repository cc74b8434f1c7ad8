namespace ActorTrader.Quant.Indicators;

/// <summary>Bill Williams' Awesome Oscillator.</summary>
public static class AwesomeOscillator
{
    /// <summary>AO = SMA(5) − SMA(34) of the median price (H + L)/2; first value at index slow − 1.</summary>
    public static double[] Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, int fast = 5, int slow = 34)
    {
        IndicatorGuard.SameLength(high, low, nameof(high), nameof(low));
        IndicatorGuard.Prices(high, nameof(high));
        IndicatorGuard.Prices(low, nameof(low));
        IndicatorGuard.Period(fast, nameof(fast));
        IndicatorGuard.Period(slow, nameof(slow));
        var median = new double[high.Length];
        for (var i = 0; i < median.Length; i++) median[i] = (high[i] + low[i]) / 2;
        return Rolling.Subtract(Rolling.Sma(median, fast), Rolling.Sma(median, slow));
    }
}
