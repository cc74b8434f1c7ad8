using ActorTrader.Quant.Forecasting;
using ActorTrader.Quant.Forecasting.Garch;
using ActorTrader.Quant.Tests.Statistics;
using Xunit;

namespace ActorTrader.Quant.Tests.Forecasting;

public sealed class GarchTests
{
    [Fact]
    public void Garch_recovers_persistence_within_0_05_and_the_long_run_volatility_within_10_percent()
    {
        var truth = new GarchParameters(0.0003, 2e-6, 0.08, 0.90);
        var normal = new SeededNormal(17);
        var prices = Simulate.Integrate(truth.Simulate(4000, () => normal.Next()));

        var fitted = (FittedGarch)new GarchModel().Fit(prices);

        Assert.InRange(fitted.Estimates.Persistence, truth.Persistence - 0.05, truth.Persistence + 0.05);
        var longRun = Math.Sqrt(fitted.Estimates.UnconditionalVariance);
        var trueLongRun = Math.Sqrt(truth.UnconditionalVariance);
        Assert.InRange(longRun, 0.9 * trueLongRun, 1.1 * trueLongRun);
        Assert.InRange(fitted.Estimates.Beta, 0.81, 0.99);
        Assert.NotNull(fitted.Diagnostics.JarqueBera);
    }

    [Fact]
    public void Gjr_garch_recovers_persistence_within_0_05_and_finds_the_leverage_term()
    {
        var truth = new GarchParameters(0.0, 2e-6, 0.02, 0.90, Gamma: 0.12);
        var normal = new SeededNormal(29);
        var prices = Simulate.Integrate(truth.Simulate(4000, () => normal.Next()));

        var fitted = (FittedGarch)new GarchModel(asymmetric: true).Fit(prices);

        Assert.Equal("gjr-garch", fitted.Model);
        Assert.InRange(fitted.Estimates.Persistence, truth.Persistence - 0.05, truth.Persistence + 0.05);
        Assert.True(fitted.Estimates.Gamma > fitted.Estimates.Alpha, $"γ {fitted.Estimates.Gamma} should exceed α {fitted.Estimates.Alpha} (bad news raises variance more)");
    }

    [Fact]
    public void Volatility_forecast_follows_the_hand_computed_variance_recursion()
    {
        // μ = 0, ω = 0.1, α = 0.1, β = 0.8, σ²₀ = 1; returns 1, −2: σ²₁ = 1, σ²₂ = 0.1 + 0.1·1 + 0.8·1 = 1.0,
        // σ²₃ = 0.1 + 0.1·4 + 0.8·1 = 1.3 (next step), σ²₄ = 0.1 + 0.9·1.3 = 1.27.
        var p = new GarchParameters(0, 0.1, 0.1, 0.8);
        var variances = new double[2];

        var next = p.Filter([1.0, -2.0], 1.0, variances);

        Assert.Equal([1.0, 1.0], variances);
        Assert.Equal(1.3, next, 12);
        Assert.Equal(1.27, p.Omega + p.Persistence * next, 12);
    }

    [Fact]
    public void Leverage_raises_variance_only_after_a_negative_shock()
    {
        var p = new GarchParameters(0, 0.1, 0.05, 0.8, Gamma: 0.2);
        var variances = new double[1];

        var afterRise = p.Filter([1.0], 1.0, variances);
        var afterFall = p.Filter([-1.0], 1.0, variances);

        Assert.Equal(0.1 + 0.05 + 0.8, afterRise, 12);
        Assert.Equal(0.1 + 0.25 + 0.8, afterFall, 12);
    }

    [Fact]
    public void The_forecast_volatility_over_h_steps_is_the_root_of_the_summed_variances()
    {
        var truth = new GarchParameters(0.0, 2e-6, 0.08, 0.90);
        var normal = new SeededNormal(3);
        var prices = Simulate.Integrate(truth.Simulate(1500, () => normal.Next()));
        var fitted = (FittedGarch)new GarchModel().Fit(prices);

        var variances = fitted.VarianceForecast(prices, 5);
        var forecast = fitted.Forecast(prices, 5);

        Assert.Equal(Math.Sqrt(variances.Sum()), forecast.Volatility, 12);
        for (var k = 1; k < 5; k++) Assert.Equal(fitted.Estimates.Omega + fitted.Estimates.Persistence * variances[k - 1], variances[k], 15);
        Assert.Equal(5 * fitted.Estimates.Mu, forecast.ExpectedReturn, 12);
    }

    [Fact]
    public void Too_few_returns_are_refused_with_the_fix()
    {
        var error = Assert.Throws<ModelFitException>(() => new GarchModel().Fit(Enumerable.Range(0, 50).Select(i => 4 + 0.01 * Math.Sin(i)).ToArray()));
        Assert.Contains("at least 100", error.Message);
    }
}
