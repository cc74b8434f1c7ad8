namespace ActorTrader.Quant.Indicators;

/// <summary>Chande &amp; Kroll's Stochastic RSI in TradingView's form (3, 3, 14, 14): a smoothed stochastic of the RSI.</summary>
public static class StochasticRsi
{
    /// <summary>
    /// RSI(rsiPeriod) of the close, raw = 100·(RSI − min RSI_n)/(max RSI_n − min RSI_n) over <paramref name="stochPeriod"/> RSI
    /// values (50 when flat), K = SMA(smoothK) of raw, D = SMA(smoothD) of K. K first at index rsiPeriod + stochPeriod + smoothK − 2.
    /// </summary>
    public static StochasticResult Compute(ReadOnlySpan<double> close, int smoothK = 3, int smoothD = 3, int rsiPeriod = 14, int stochPeriod = 14)
    {
        MovingAverage.Check(close, rsiPeriod);
        IndicatorGuard.Period(smoothK, nameof(smoothK));
        IndicatorGuard.Period(smoothD, nameof(smoothD));
        IndicatorGuard.Period(stochPeriod, nameof(stochPeriod));
        var rsi = RelativeStrengthIndex.FromCloses(close, rsiPeriod);
        var k = Rolling.Sma(Stochastic.Raw(rsi, rsi, rsi, stochPeriod), smoothK);
        return new StochasticResult(k, Rolling.Sma(k, smoothD));
    }
}
