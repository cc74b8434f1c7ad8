using ActorTrader.Quant.Regimes;

namespace ActorTrader.Quant.Tests.Regimes;

public class TrendRegimesTests
{
    [Fact]
    public void Rising_prices_are_an_up_trend_after_the_warm_up()
    {
        var prices = Enumerable.Range(0, 30).Select(i => 100.0 + i).ToArray();
        var regimes = TrendRegimes.Classify(prices, maPeriod: 10, slopeLookback: 3);
        Assert.All(regimes.Take(12), r => Assert.Equal(TrendRegime.Unknown, r)); // maPeriod + lookback − 1 = 12
        Assert.All(regimes.Skip(12), r => Assert.Equal(TrendRegime.Up, r));
    }

    [Fact]
    public void Falling_prices_are_a_down_trend()
    {
        var prices = Enumerable.Range(0, 30).Select(i => 100.0 - i).ToArray();
        Assert.Equal(TrendRegime.Down, TrendRegimes.Classify(prices, 10, 3)[^1]);
    }

    [Fact]
    public void Slopes_inside_the_flat_band_are_flat()
    {
        // SMA(10) rises 0.1 a bar around 101–102: 3-bar slope ≈ 0.3/101 ≈ 0.3%, inside a 1% band.
        var prices = Enumerable.Range(0, 30).Select(i => 100.0 + 0.1 * i).ToArray();
        Assert.Equal(TrendRegime.Flat, TrendRegimes.Classify(prices, 10, 3, flatBand: 0.01)[^1]);
        Assert.Equal(TrendRegime.Up, TrendRegimes.Classify(prices, 10, 3, flatBand: 0.001)[^1]);
    }

    [Fact]
    public void Non_positive_prices_are_rejected_with_their_index()
    {
        var e = Assert.Throws<ArgumentException>(() => TrendRegimes.Classify([1, 2, 0, 3], 2, 1));
        Assert.Contains("prices[2]", e.Message, StringComparison.Ordinal);
    }
}
