namespace ActorTrader.Quant.Indicators;

/// <summary>Stochastic oscillator lines aligned to the input.</summary>
/// <param name="K">%K = SMA(smoothK) of the raw %K; first value at index period + smoothK − 2.</param>
/// <param name="D">%D = SMA(smoothD) of %K; first value at index period + smoothK + smoothD − 3.</param>
public sealed record StochasticResult(IReadOnlyList<double> K, IReadOnlyList<double> D);

/// <summary>Lane's stochastic oscillator; (14, 3, 3) is the "slow" stochastic TradingView's ratings use, smoothK = 1 the fast one.</summary>
public static class Stochastic
{
    /// <summary>
    /// Raw %K = 100·(C − LL_n)/(HH_n − LL_n) over the last <paramref name="period"/> bars; a window with HH = LL gives 50
    /// (our choice: the midpoint, rather than a division by zero).
    /// </summary>
    public static StochasticResult Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close,
        int period = 14, int smoothK = 3, int smoothD = 3)
    {
        AverageTrueRange.CheckBars(high, low, close);
        IndicatorGuard.Period(period, nameof(period));
        IndicatorGuard.Period(smoothK, nameof(smoothK));
        IndicatorGuard.Period(smoothD, nameof(smoothD));
        var k = Rolling.Sma(Raw(high, low, close, period), smoothK);
        return new StochasticResult(k, Rolling.Sma(k, smoothD));
    }

    internal static double[] Raw(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period)
    {
        var hh = Rolling.Highest(high, period);
        var ll = Rolling.Lowest(low, period);
        var raw = IndicatorGuard.NaNs(close.Length);
        for (var i = 0; i < close.Length; i++)
        {
            if (double.IsNaN(hh[i]) || double.IsNaN(ll[i]) || double.IsNaN(close[i])) continue;
            var range = hh[i] - ll[i];
            raw[i] = range == 0 ? 50 : 100 * (close[i] - ll[i]) / range;
        }
        return raw;
    }
}
