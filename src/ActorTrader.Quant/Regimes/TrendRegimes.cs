using ActorTrader.Quant.Indicators;

namespace ActorTrader.Quant.Regimes;

/// <summary>Trend regimes from the slope of a simple moving average of prices.</summary>
public static class TrendRegimes
{
    /// <summary>
    /// Slope_t = SMA_t / SMA_{t − slopeLookback} − 1 (relative change of the average over the lookback). Up when the slope exceeds
    /// <paramref name="flatBand"/>, Down when it is below −flatBand, otherwise Flat; Unknown for the first
    /// maPeriod + slopeLookback − 1 periods. Causal: uses only data up to t. Prices must be finite and positive.
    /// </summary>
    public static TrendRegime[] Classify(ReadOnlySpan<double> prices, int maPeriod = 50, int slopeLookback = 5, double flatBand = 0)
    {
        if (slopeLookback < 1) throw new ArgumentOutOfRangeException(nameof(slopeLookback), slopeLookback, "slopeLookback must be at least 1.");
        if (!(flatBand >= 0)) throw new ArgumentOutOfRangeException(nameof(flatBand), flatBand, "flatBand is a non-negative relative change, e.g. 0.001.");
        for (var i = 0; i < prices.Length; i++)
        {
            if (!(prices[i] > 0) || double.IsInfinity(prices[i]))
                throw new ArgumentException($"prices[{i}] is {prices[i]}; trend regimes need finite positive prices.", nameof(prices));
        }
        var sma = MovingAverage.Simple(prices, maPeriod);
        var regimes = new TrendRegime[prices.Length];
        for (var t = maPeriod - 1 + slopeLookback; t < prices.Length; t++)
        {
            var slope = sma[t] / sma[t - slopeLookback] - 1;
            regimes[t] = slope > flatBand ? TrendRegime.Up : slope < -flatBand ? TrendRegime.Down : TrendRegime.Flat;
        }
        return regimes;
    }
}
