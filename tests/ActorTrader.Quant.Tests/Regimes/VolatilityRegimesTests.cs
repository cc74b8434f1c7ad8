using ActorTrader.Quant.Regimes;
using ActorTrader.Quant.Tests.Statistics;

namespace ActorTrader.Quant.Tests.Regimes;

public class VolatilityRegimesTests
{
    private static double[] CalmThenWild()
    {
        var rng = new SeededNormal(9);
        return [.. rng.Series(300, 0, 0.005), .. rng.Series(300, 0, 0.03)];
    }

    [Fact]
    public void Warm_up_periods_are_unlabelled()
    {
        var result = VolatilityRegimes.Classify(CalmThenWild(), window: 20);
        Assert.All(result.Labels.Take(19), l => Assert.Equal(-1, l));
        Assert.NotEqual(-1, result.Labels[19]);
        Assert.True(double.IsNaN(result.RollingVolatility[18]));
    }

    [Fact]
    public void Median_split_separates_a_calm_half_from_a_wild_half()
    {
        var labels = VolatilityRegimes.Classify(CalmThenWild(), 20, [0.5]).Labels;
        var correct = 0;
        for (var t = 19; t < 600; t++) if (labels[t] == (t < 300 ? 0 : 1)) correct++;
        Assert.True(correct / 581.0 > 0.95, $"accuracy {correct / 581.0}");
    }

    [Fact]
    public void Expanding_thresholds_do_not_look_ahead()
    {
        var r = CalmThenWild();
        var early = VolatilityRegimes.Classify(r.AsSpan(0, 350), 20, mode: ThresholdMode.Expanding).Labels;
        var full = VolatilityRegimes.Classify(r, 20, mode: ThresholdMode.Expanding).Labels;
        Assert.Equal(early, full.Take(350));
    }

    [Fact]
    public void Full_sample_thresholds_do_look_ahead()
    {
        var r = CalmThenWild();
        var early = VolatilityRegimes.Classify(r.AsSpan(0, 350), 20).Labels;
        var full = VolatilityRegimes.Classify(r, 20).Labels;
        Assert.NotEqual(early, full.Take(350));
    }

    [Fact]
    public void Unordered_quantiles_are_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => VolatilityRegimes.Classify(CalmThenWild(), 20, [0.7, 0.3]));
        Assert.Equal("quantiles", e.ParamName);
    }
}
