namespace ActorTrader.Quant.Indicators;

/// <summary>Bollinger bands aligned to the input; NaN for the first period − 1 values.</summary>
/// <param name="Middle">SMA(period).</param>
/// <param name="Upper">Middle + k·σ.</param>
/// <param name="Lower">Middle − k·σ.</param>
public sealed record BollingerBandsResult(IReadOnlyList<double> Middle, IReadOnlyList<double> Upper, IReadOnlyList<double> Lower);

/// <summary>Bollinger bands (defaults 20, 2) using the POPULATION standard deviation (divide by n), as TradingView and Bollinger do.</summary>
public static class BollingerBands
{
    /// <summary>Computes middle, upper and lower band.</summary>
    public static BollingerBandsResult Compute(ReadOnlySpan<double> close, int period = 20, double multiplier = 2)
    {
        MovingAverage.Check(close, period);
        var mid = Rolling.Sma(close, period);
        var sd = Rolling.PopulationStd(close, period);
        var upper = new double[close.Length];
        var lower = new double[close.Length];
        for (var i = 0; i < close.Length; i++)
        {
            upper[i] = mid[i] + multiplier * sd[i];
            lower[i] = mid[i] - multiplier * sd[i];
        }
        return new BollingerBandsResult(mid, upper, lower);
    }
}
