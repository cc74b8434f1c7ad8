using ActorTrader.Quant.Metrics;
using ActorTrader.Quant.Tests.Statistics;

namespace ActorTrader.Quant.Tests.Metrics;

public class AlphaDecayTests
{
    [Fact]
    public void Ratio_and_difference_compare_the_two_sharpes()
    {
        var decay = AlphaDecay.FromSharpes(2.0, 1.5);
        Assert.Equal(0.75, decay.Ratio, 12);
        Assert.Equal(0.5, decay.Difference, 12);
    }

    [Fact]
    public void A_constant_cost_per_period_lowers_the_sharpe_by_cost_over_volatility()
    {
        var ideal = new SeededNormal(8).Series(500, 0.001, 0.01);
        var realised = ideal.Select(r => r - 0.0002).ToArray();
        var decay = AlphaDecay.Measure(ideal, realised);
        var sd = ReturnMoments.StandardDeviation(ideal);
        Assert.Equal(0.0002 / sd * Math.Sqrt(252), decay.Difference, 9);
        Assert.True(decay.Ratio < 1);
    }

    [Fact]
    public void Zero_idealised_sharpe_gives_an_undefined_ratio()
    {
        Assert.True(double.IsNaN(AlphaDecay.FromSharpes(0, 0.3).Ratio));
    }

    [Fact]
    public void Empty_realised_series_names_the_parameter()
    {
        var e = Assert.Throws<ArgumentException>(() => AlphaDecay.Measure([0.01, 0.02], []));
        Assert.Equal("realisedReturns", e.ParamName);
    }
}
