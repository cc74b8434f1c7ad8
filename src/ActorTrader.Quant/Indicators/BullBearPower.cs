namespace ActorTrader.Quant.Indicators;

/// <summary>Elder's bull and bear power around an EMA of the close.</summary>
/// <param name="BullPower">High − EMA(period).</param>
/// <param name="BearPower">Low − EMA(period).</param>
/// <param name="Total">Bull + bear power (TradingView's single "Bull Bear Power" line).</param>
public sealed record BullBearPowerResult(IReadOnlyList<double> BullPower, IReadOnlyList<double> BearPower, IReadOnlyList<double> Total);

/// <summary>Elder-ray bull/bear power (default EMA 13); first values at index period − 1.</summary>
public static class BullBearPower
{
    /// <summary>Computes bull power, bear power and their sum.</summary>
    public static BullBearPowerResult Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period = 13)
    {
        AverageTrueRange.CheckBars(high, low, close);
        IndicatorGuard.Period(period, nameof(period));
        var ema = Rolling.Ema(close, period);
        var bull = Rolling.Subtract(high, ema);
        var bear = Rolling.Subtract(low, ema);
        var total = new double[close.Length];
        for (var i = 0; i < total.Length; i++) total[i] = bull[i] + bear[i];
        return new BullBearPowerResult(bull, bear, total);
    }
}
