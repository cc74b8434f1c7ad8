using ActorTrader.Quant.Statistics;

namespace ActorTrader.Quant.Tests.Statistics;

public class AntifragilityTests
{
    [Fact]
    public void Exact_quadratic_payoff_is_recovered()
    {
        var market = new SeededNormal(1).Series(100, 0, 0.02);
        var asset = market.Select(m => 0.001 + 0.5 * m + 2 * m * m).ToArray();
        var fit = Antifragility.Convexity(asset, market);
        Assert.Equal(0.001, fit.Alpha, 12);
        Assert.Equal(0.5, fit.Beta, 10);
        Assert.Equal(2, fit.Convexity, 8);
        Assert.Equal(1, fit.RSquared, 10);
        Assert.Equal(100, fit.Observations);
    }

    [Fact]
    public void Short_volatility_payoff_is_fragile()
    {
        var rng = new SeededNormal(2);
        var market = rng.Series(500, 0, 0.02);
        var shortStraddle = market.Select(m => 0.0005 - 3 * m * m + rng.Next(0, 0.001)).ToArray();
        Assert.True(Antifragility.Convexity(shortStraddle, market).Convexity < 0);
    }

    [Fact]
    public void Tail_asymmetry_by_hand()
    {
        // −10..10 % plus a +30% outlier replacing +10%: 5% tails of 21 points → Q(0.05) = −0.09, Q(0.95) = 0.09.
        var r = Enumerable.Range(-10, 21).Select(i => i / 100.0).ToArray();
        r[20] = 0.30;
        var t = Antifragility.Tails(r);
        Assert.Equal((0.09 + 0.30) / 2, t.UpsideTailMean, 12);
        Assert.Equal((-0.10 - 0.09) / 2, t.DownsideTailMean, 12);
        Assert.Equal(0.39 / 0.19, t.Ratio, 12);
    }

    [Fact]
    public void Market_without_enough_distinct_values_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => Antifragility.Convexity([0.1, 0.2, 0.3, 0.4], [0.01, 0.02, 0.01, 0.02]));
        Assert.Equal("marketReturns", e.ParamName);
    }
}
