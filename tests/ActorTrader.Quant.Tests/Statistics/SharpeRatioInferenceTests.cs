using ActorTrader.Quant.Statistics;

namespace ActorTrader.Quant.Tests.Statistics;

public class SharpeRatioInferenceTests
{
    // Bailey & López de Prado (2014), "The Deflated Sharpe Ratio", numerical example: best of N = 100 trials has annualised
    // SR 2.5 over T = 1250 daily returns (250 a year), skewness −3, kurtosis 10, and the trials' annualised SRs have variance ½.
    private const double DailySharpe = 2.5 / 15.811388300841896; // √250
    private const double DailyTrialVariance = 0.5 / 250;

    [Fact]
    public void Expected_maximum_sharpe_matches_the_paper()
    {
        // Paper: E[max SR] ≈ 0.1132 per day.
        Assert.Equal(0.1132, SharpeRatioInference.ExpectedMaximumSharpe(100, DailyTrialVariance), 4);
    }

    [Fact]
    public void Deflated_sharpe_matches_the_paper()
    {
        // Paper: DSR ≈ 0.9004.
        Assert.Equal(0.9004, SharpeRatioInference.Deflated(DailySharpe, 1250, 100, DailyTrialVariance, -3, 10), 4);
    }

    [Fact]
    public void Probabilistic_sharpe_against_itself_is_one_half()
    {
        Assert.Equal(0.5, SharpeRatioInference.Probabilistic(0.1, 0.1, 500, -1, 6), 12);
    }

    [Fact]
    public void Probabilistic_sharpe_of_normal_returns_has_the_closed_form()
    {
        // Normal returns (skew 0, kurtosis 3): z = SR·√(n − 1)/√(1 + SR²/2) = 0.1·√99/√1.005 → Φ(z).
        var z = 0.1 * Math.Sqrt(99) / Math.Sqrt(1.005);
        Assert.Equal(MathNet.Numerics.Distributions.Normal.CDF(0, 1, z), SharpeRatioInference.Probabilistic(0.1, 0, 100), 12);
    }

    [Fact]
    public void Negative_skew_and_fat_tails_lower_the_probabilistic_sharpe()
    {
        var normal = SharpeRatioInference.Probabilistic(0.08, 0, 250);
        var fragile = SharpeRatioInference.Probabilistic(0.08, 0, 250, -2, 12);
        Assert.True(fragile < normal);
    }

    [Fact]
    public void More_trials_deflate_more()
    {
        var few = SharpeRatioInference.Deflated(DailySharpe, 1250, 10, DailyTrialVariance, -3, 10);
        var many = SharpeRatioInference.Deflated(DailySharpe, 1250, 1000, DailyTrialVariance, -3, 10);
        Assert.True(many < few);
    }

    [Fact]
    public void Excess_kurtosis_passed_by_mistake_is_reported()
    {
        // Excess kurtosis −2.9 (i.e. kurtosis 0.1) with a large SR makes the variance term negative.
        var e = Assert.Throws<ArgumentException>(() => SharpeRatioInference.Probabilistic(3, 0, 100, 1, 0.1));
        Assert.Equal("kurtosis", e.ParamName);
    }
}
