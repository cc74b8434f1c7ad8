namespace ActorTrader.Quant.Indicators;

/// <summary>Ichimoku lines that are midpoints of a Donchian channel.</summary>
public static class Ichimoku
{
    /// <summary>Midpoint (HH_n + LL_n)/2; the base line (kijun-sen) uses n = 26, the conversion line (tenkan-sen) 9. First value at index n − 1.</summary>
    public static double[] DonchianMidpoint(ReadOnlySpan<double> high, ReadOnlySpan<double> low, int period)
    {
        IndicatorGuard.SameLength(high, low, nameof(high), nameof(low));
        IndicatorGuard.Prices(high, nameof(high));
        IndicatorGuard.Prices(low, nameof(low));
        IndicatorGuard.Period(period, nameof(period));
        var hh = Rolling.Highest(high, period);
        var ll = Rolling.Lowest(low, period);
        var mid = new double[high.Length];
        for (var i = 0; i < mid.Length; i++) mid[i] = (hh[i] + ll[i]) / 2;
        return mid;
    }

    /// <summary>Base line (kijun-sen), Donchian midpoint over 26 bars by default.</summary>
    public static double[] BaseLine(ReadOnlySpan<double> high, ReadOnlySpan<double> low, int period = 26) => DonchianMidpoint(high, low, period);

    /// <summary>Conversion line (tenkan-sen), Donchian midpoint over 9 bars by default.</summary>
    public static double[] ConversionLine(ReadOnlySpan<double> high, ReadOnlySpan<double> low, int period = 9) => DonchianMidpoint(high, low, period);
}
