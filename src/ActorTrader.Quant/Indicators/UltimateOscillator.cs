namespace ActorTrader.Quant.Indicators;

/// <summary>Larry Williams' Ultimate Oscillator (7, 14, 28).</summary>
public static class UltimateOscillator
{
    /// <summary>
    /// Buying pressure BP = C − min(L, C_{t−1}), range TR = max(H, C_{t−1}) − min(L, C_{t−1}) from bar 1 on;
    /// A_n = ΣBP/ΣTR over n bars; UO = 100·(4·A_short + 2·A_mid + A_long)/7. First value at index <paramref name="longPeriod"/>.
    /// </summary>
    public static double[] Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close,
        int shortPeriod = 7, int midPeriod = 14, int longPeriod = 28)
    {
        AverageTrueRange.CheckBars(high, low, close);
        IndicatorGuard.Period(shortPeriod, nameof(shortPeriod));
        IndicatorGuard.Period(midPeriod, nameof(midPeriod));
        IndicatorGuard.Period(longPeriod, nameof(longPeriod));
        var n = close.Length;
        var bp = IndicatorGuard.NaNs(n);
        var tr = IndicatorGuard.NaNs(n);
        for (var i = 1; i < n; i++)
        {
            var lowest = Math.Min(low[i], close[i - 1]);
            bp[i] = close[i] - lowest;
            tr[i] = Math.Max(high[i], close[i - 1]) - lowest;
        }
        var a1 = Average(bp, tr, shortPeriod);
        var a2 = Average(bp, tr, midPeriod);
        var a3 = Average(bp, tr, longPeriod);
        var uo = new double[n];
        for (var i = 0; i < n; i++) uo[i] = 100 * (4 * a1[i] + 2 * a2[i] + a3[i]) / 7;
        return uo;
    }

    private static double[] Average(double[] bp, double[] tr, int period)
    {
        // Ratio of sums, not mean of ratios; a window without range contributes 0 pressure.
        var sb = Rolling.Sma(bp, period);
        var st = Rolling.Sma(tr, period);
        var a = new double[bp.Length];
        for (var i = 0; i < a.Length; i++) a[i] = double.IsNaN(st[i]) ? double.NaN : st[i] == 0 ? 0 : sb[i] / st[i];
        return a;
    }
}
