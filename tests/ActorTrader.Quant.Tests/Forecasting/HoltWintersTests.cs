using ActorTrader.Quant.Forecasting.Smoothing;
using ActorTrader.Quant.Tests.Statistics;
using Xunit;

namespace ActorTrader.Quant.Tests.Forecasting;

public sealed class HoltWintersTests
{
    [Fact]
    public void Recovers_alpha_beta_gamma_of_a_simulated_additive_holt_winters_process_within_10_percent()
    {
        const double alpha = 0.4, beta = 0.2, gamma = 0.3;
        const int period = 5;
        var normal = new SeededNormal(41);
        var season = new[] { 0.02, -0.01, 0.0, 0.015, -0.025 };
        double level = 4.6, trend = 0.0005;
        var y = new double[6000];
        for (var t = 0; t < y.Length; t++)
        {
            var slot = t % period;
            var error = normal.Next(0, 0.01);
            y[t] = level + trend + season[slot] + error;
            level += trend + alpha * error;
            trend += alpha * beta * error;
            season[slot] += gamma * (1 - alpha) * error;
        }

        var fitted = (FittedHoltWinters)new HoltWintersModel(period).Fit(y);

        Assert.InRange(fitted.Smoothing.Alpha, 0.9 * alpha, 1.1 * alpha);
        Assert.InRange(fitted.Smoothing.Beta, 0.9 * beta, 1.1 * beta);
        Assert.InRange(fitted.Smoothing.Gamma, 0.9 * gamma, 1.1 * gamma);
        Assert.InRange(Math.Sqrt(fitted.Parameters["sigma2"]), 0.009, 0.011);
    }

    [Fact]
    public void Holt_linear_trend_matches_a_hand_computed_forecast()
    {
        // α = 0.5, β = 0.5 on 1, 2, 4: ℓ₀ = 1, b₀ = 1. t = 1: ŷ = 2, e = 0 → ℓ = 2, b = 1.
        // t = 2: ŷ = 3, e = 1 → ℓ = 3 + 0.5 = 3.5, b = 1 + 0.25 = 1.25. Forecasts 4.75, 6.0.
        // Variance factor for h = 2: 1 + (α + αβ)² = 1 + 0.5625; σ² = (0² + 1²)/2 = 0.5.
        var parameters = new HoltWintersParameters(0.5, 0.5, 0, 0);
        var state = parameters.Run([1.0, 2, 4], []);

        Assert.Equal(3.5, state.Level, 12);
        Assert.Equal(1.25, state.Trend, 12);
        Assert.Equal(1.0, state.SumOfSquaredErrors, 12);
        var forecast = new FittedHoltWinters("1", parameters, state, [0.0, 1.0]).Project(state, 4, 2);
        Assert.Equal(4.75, forecast.Path[0], 12);
        Assert.Equal(6.0, forecast.Path[1], 12);
        Assert.Equal(2.0, forecast.ExpectedReturn, 12);
        Assert.Equal(Math.Sqrt(0.5 * 1.5625), forecast.Volatility, 12);
    }

    [Fact]
    public void A_deterministic_season_and_trend_are_forecast_exactly()
    {
        var pattern = new[] { 0.3, -0.1, -0.2 };
        var y = Enumerable.Range(0, 60).Select(t => 10 + 0.05 * t + pattern[t % 3]).ToArray();
        var parameters = new HoltWintersParameters(0.3, 0.1, 0.2, 3);
        var state = parameters.Run(y, []);

        var forecast = new FittedHoltWinters("1", parameters, state, [1.0, -1.0, 0.5]).Project(state, y[^1], 4);

        for (var k = 1; k <= 4; k++) Assert.Equal(10 + 0.05 * (59 + k) + pattern[(59 + k) % 3], forecast.Path[k - 1], 9);
    }
}
