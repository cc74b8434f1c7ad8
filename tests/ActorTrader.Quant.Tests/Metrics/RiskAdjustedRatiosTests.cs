using ActorTrader.Quant.Metrics;
using ActorTrader.Quant.Tests.Statistics;

namespace ActorTrader.Quant.Tests.Metrics;

public class RiskAdjustedRatiosTests
{
    private static readonly double[] Four = [0.01, 0.02, -0.01, 0.03];

    [Fact]
    public void Sharpe_is_mean_over_sample_sd_times_root_periods()
    {
        // 0.0125 / 0.017078251 × √4 = 1.46385011 (hand, see ReturnMomentsTests for the sd).
        Assert.Equal(1.4638501094227994, RiskAdjustedRatios.Sharpe(Four, 0, 4), 12);
    }

    [Fact]
    public void Sharpe_subtracts_the_per_period_risk_free_rate()
    {
        // 4% a year over 4 periods = 1% a period: (0.0125 − 0.01)/0.017078251 × 2 = 0.29277002.
        Assert.Equal(0.29277002188455975, RiskAdjustedRatios.Sharpe(Four, 0.04, 4), 12);
    }

    [Fact]
    public void Sharpe_is_invariant_to_scaling_the_returns()
    {
        var rng = new SeededNormal(11);
        for (var trial = 0; trial < 50; trial++)
        {
            var r = rng.Series(60, 0.001, 0.02);
            var scale = 0.1 + 10 * rng.Uniform();
            Assert.Equal(RiskAdjustedRatios.Sharpe(r), RiskAdjustedRatios.Sharpe(r.Select(v => v * scale).ToArray()), 9);
        }
    }

    [Fact]
    public void Sortino_uses_downside_deviation_over_all_periods()
    {
        // mean 0.005; downside squares 0.0001 + 0.0004 over 4 periods → DD = √0.000125 = 0.01118034; ratio 0.4472136 (ppy 1).
        Assert.Equal(0.005 / Math.Sqrt(0.000125), RiskAdjustedRatios.Sortino([0.02, -0.01, 0.03, -0.02], 0, 1), 12);
    }

    [Fact]
    public void Sortino_without_losses_is_infinite()
    {
        Assert.Equal(double.PositiveInfinity, RiskAdjustedRatios.Sortino([0.01, 0.02, 0.0]));
    }

    [Fact]
    public void Omega_is_gains_over_losses_around_the_threshold()
    {
        Assert.Equal(0.05 / 0.03, RiskAdjustedRatios.Omega([0.02, -0.01, 0.03, -0.02]), 12);
        // Threshold 0.01: gains 0.01 + 0.02 = 0.03, losses 0.02 + 0.03 = 0.05.
        Assert.Equal(0.6, RiskAdjustedRatios.Omega([0.02, -0.01, 0.03, -0.02], 0.01), 12);
    }

    [Fact]
    public void Calmar_is_annual_growth_over_max_drawdown()
    {
        // Equity 1.1, 0.88, 0.968: CAGR with 3 periods a year = −3.2%; max drawdown 0.88/1.1 − 1 = −20% → −0.16.
        Assert.Equal(-0.16, RiskAdjustedRatios.Calmar([0.1, -0.2, 0.1], 3), 12);
    }
}
