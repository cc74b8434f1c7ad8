namespace ActorTrader.Quant.Indicators;

/// <summary>Larry Williams' %R, in [−100, 0].</summary>
public static class WilliamsPercentRange
{
    /// <summary>%R = −100·(HH_n − C)/(HH_n − LL_n); first value at index period − 1; −50 when the window is flat (our choice).</summary>
    public static double[] Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period = 14)
    {
        AverageTrueRange.CheckBars(high, low, close);
        IndicatorGuard.Period(period, nameof(period));
        var raw = Stochastic.Raw(high, low, close, period);
        for (var i = 0; i < raw.Length; i++) raw[i] -= 100; // (C − LL)/(HH − LL) − 1 = −(HH − C)/(HH − LL)
        return raw;
    }
}
