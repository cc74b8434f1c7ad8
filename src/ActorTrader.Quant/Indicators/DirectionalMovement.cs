namespace ActorTrader.Quant.Indicators;

/// <summary>Wilder's directional movement system aligned to the input.</summary>
/// <param name="PlusDI">+DI; first value at index period.</param>
/// <param name="MinusDI">−DI; first value at index period.</param>
/// <param name="Adx">ADX = Wilder smoothing of DX; first value at index 2·period − 1.</param>
public sealed record DirectionalMovementResult(IReadOnlyList<double> PlusDI, IReadOnlyList<double> MinusDI, IReadOnlyList<double> Adx);

/// <summary>Wilder's +DI, −DI and ADX (New Concepts in Technical Trading Systems, 1978).</summary>
public static class DirectionalMovement
{
    /// <summary>
    /// +DM = H_t − H_{t−1} when that up-move exceeds the down-move L_{t−1} − L_t and is positive, else 0 (−DM mirrored).
    /// TR, +DM and −DM from bar 1 on are Wilder-smoothed (seeded with the mean of the first <paramref name="period"/>, which
    /// gives the same ratios as Wilder's running sums); ±DI = 100·smoothed DM / smoothed TR; DX = 100·|+DI − −DI|/(+DI + −DI)
    /// (0 when both are 0); ADX = Wilder smoothing of DX. Same as TradingView's ta.dmi and StockCharts.
    /// </summary>
    public static DirectionalMovementResult Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period = 14)
    {
        AverageTrueRange.CheckBars(high, low, close);
        IndicatorGuard.Period(period, nameof(period));
        var n = close.Length;
        var tr = IndicatorGuard.NaNs(n);
        var plusDm = IndicatorGuard.NaNs(n);
        var minusDm = IndicatorGuard.NaNs(n);
        for (var i = 1; i < n; i++)
        {
            var up = high[i] - high[i - 1];
            var down = low[i - 1] - low[i];
            plusDm[i] = up > down && up > 0 ? up : 0;
            minusDm[i] = down > up && down > 0 ? down : 0;
            tr[i] = Math.Max(high[i] - low[i], Math.Max(Math.Abs(high[i] - close[i - 1]), Math.Abs(low[i] - close[i - 1])));
        }
        var sTr = Rolling.Wilder(tr, period);
        var sPlus = Rolling.Wilder(plusDm, period);
        var sMinus = Rolling.Wilder(minusDm, period);
        var pdi = IndicatorGuard.NaNs(n);
        var mdi = IndicatorGuard.NaNs(n);
        var dx = IndicatorGuard.NaNs(n);
        for (var i = 0; i < n; i++)
        {
            if (double.IsNaN(sTr[i])) continue;
            pdi[i] = sTr[i] == 0 ? 0 : 100 * sPlus[i] / sTr[i];
            mdi[i] = sTr[i] == 0 ? 0 : 100 * sMinus[i] / sTr[i];
            var sum = pdi[i] + mdi[i];
            dx[i] = sum == 0 ? 0 : 100 * Math.Abs(pdi[i] - mdi[i]) / sum;
        }
        return new DirectionalMovementResult(pdi, mdi, Rolling.Wilder(dx, period));
    }
}
