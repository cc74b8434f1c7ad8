using ActorTrader.Quant.Metrics;
using ActorTrader.Quant.Tests.Statistics;

namespace ActorTrader.Quant.Tests.Metrics;

public class TailRiskTests
{
    private static readonly double[] Ten = [0.03, -0.05, 0.0, 0.06, -0.01, 0.02, -0.03, 0.05, 0.01, 0.04];

    [Fact]
    public void Historical_var_interpolates_the_loss_quantile()
    {
        // Sorted: −0.05, −0.03, … ; Q(0.1) at h = 9 × 0.1 = 0.9 → −0.05 + 0.9 × 0.02 = −0.032.
        Assert.Equal(0.032, TailRisk.HistoricalVaR(Ten, 0.9), 12);
    }

    [Fact]
    public void Historical_cvar_averages_returns_beyond_the_var()
    {
        Assert.Equal(0.05, TailRisk.HistoricalCVaR(Ten, 0.9), 12);
        // 80%: Q(0.2) at h = 1.8 → −0.03 + 0.8 × 0.02 = −0.014; beyond it −0.05, −0.03 → 0.04.
        Assert.Equal(0.04, TailRisk.HistoricalCVaR(Ten, 0.8), 12);
    }

    [Fact]
    public void Gaussian_var_and_cvar_match_the_closed_form()
    {
        // μ = 0.0125, σ = 0.017078251, z = 1.644853627, φ(z) = 0.103135: VaR = σz − μ, CVaR = σφ(z)/0.05 − μ.
        double[] r = [0.01, 0.02, -0.01, 0.03];
        Assert.Equal(0.015591223554303013, TailRisk.GaussianVaR(r, 0.95), 10);
        Assert.Equal(0.022727527638071572, TailRisk.GaussianCVaR(r, 0.95), 10);
    }

    [Fact]
    public void Cvar_loss_is_never_smaller_than_var_loss()
    {
        var rng = new SeededNormal(5);
        foreach (var confidence in new[] { 0.8, 0.9, 0.95, 0.99 })
        {
            for (var trial = 0; trial < 40; trial++)
            {
                var r = rng.Series(5 + trial * 7, 0.0005, 0.02);
                Assert.True(TailRisk.HistoricalCVaR(r, confidence) >= TailRisk.HistoricalVaR(r, confidence) - 1e-15);
                Assert.True(TailRisk.GaussianCVaR(r, confidence) >= TailRisk.GaussianVaR(r, confidence));
            }
        }
    }

    [Fact]
    public void Tail_ratio_of_a_symmetric_series_is_one()
    {
        var r = Enumerable.Range(-10, 21).Select(i => i / 100.0).ToArray();
        Assert.Equal(1, TailRisk.TailRatio(r), 12);
    }

    [Fact]
    public void Confidence_outside_the_unit_interval_is_rejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TailRisk.HistoricalVaR(Ten, 95));
        Assert.Equal("confidence", e.ParamName);
    }
}
