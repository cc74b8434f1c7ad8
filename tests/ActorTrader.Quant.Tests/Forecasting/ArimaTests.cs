using ActorTrader.Quant.Forecasting;
using ActorTrader.Quant.Forecasting.Arima;
using ActorTrader.Quant.Tests.Statistics;
using Xunit;

namespace ActorTrader.Quant.Tests.Forecasting;

public sealed class ArimaTests
{
    [Fact]
    public void Recovers_arma_1_1_coefficients_of_simulated_log_returns_within_10_percent()
    {
        var prices = Simulate.Integrate(Simulate.ArmaReturns(3000, 0.0004, [0.6], [-0.3], 0.01, seed: 11));

        var fit = ArimaEstimator.Fit(prices, new ArimaOrder(1, 1, 1));

        Assert.True(fit.Usable, fit.DiscardReason);
        Assert.InRange(fit.Ar[0], 0.54, 0.66);
        Assert.InRange(fit.Ma[0], -0.33, -0.27);
        Assert.InRange(Math.Sqrt(fit.Sigma2), 0.009, 0.011);
    }

    [Fact]
    public void Recovers_ar_2_coefficients_within_10_percent_with_white_noise_residuals()
    {
        var prices = Simulate.Integrate(Simulate.ArmaReturns(3000, 0.0, [0.5, -0.3], [], 0.01, seed: 5));

        var fit = ArimaEstimator.Fit(prices, new ArimaOrder(2, 1, 0));
        var fitted = new FittedArima("1", fit, []);

        Assert.InRange(fit.Ar[0], 0.45, 0.55);
        Assert.InRange(fit.Ar[1], -0.33, -0.27);
        Assert.NotNull(fitted.Diagnostics.LjungBox);
        Assert.NotNull(fitted.Diagnostics.JarqueBera);
        // A correctly specified model leaves white-noise residuals: Ljung–Box does not reject at 1 %.
        Assert.True(fitted.Diagnostics.LjungBox!.PValue > 0.01, fitted.Diagnostics.Describe());
    }

    [Fact]
    public void Grid_search_keeps_the_order_with_the_lowest_aic_among_usable_candidates()
    {
        var prices = Simulate.Integrate(Simulate.ArmaReturns(1500, 0.0, [0.5, -0.3], [], 0.01, seed: 5));
        var grid = new ArimaGrid(MaxP: 2, MaxQ: 2);

        var fitted = (FittedArima)new ArimaModel(grid).Fit(prices);

        var candidates = grid.Orders().Select(order => ArimaEstimator.Fit(prices, order, conditionOn: 2)).Where(c => c.Usable).ToArray();
        Assert.Equal(candidates.MinBy(c => c.Aic)!.Order, fitted.Order);
        Assert.Equal(candidates.Min(c => c.Aic), fitted.Parameters["aic"], 9);
        Assert.StartsWith($"ARIMA{fitted.Order} chosen by AIC", fitted.Notes[0]);
        // The white-noise and pure-MA orders cannot explain an AR(2): their AIC is clearly worse.
        Assert.True(candidates.Single(c => c.Order == new ArimaOrder(0, 1, 0)).Aic > fitted.Parameters["aic"] + 50);
    }

    [Fact]
    public void Recovers_a_seasonal_ar_coefficient_within_10_percent()
    {
        // (1 − 0.5 B^5) u_t = e_t: a weekly pattern in daily returns.
        var returns = Simulate.ArmaReturns(3000, 0.0, [0, 0, 0, 0, 0.5], [], 0.01, seed: 21);
        var prices = Simulate.Integrate(returns);

        var fit = ArimaEstimator.Fit(prices, new ArimaOrder(0, 1, 0, SeasonalP: 1, Period: 5));

        Assert.True(fit.Usable, fit.DiscardReason);
        Assert.InRange(fit.SeasonalAr[0], 0.45, 0.55);
    }

    [Fact]
    public void Sarimax_recovers_the_exogenous_coefficient_and_the_error_ar_term()
    {
        var normal = new SeededNormal(3);
        var x = Enumerable.Range(0, 2500).Select(_ => normal.Next()).ToArray();
        var errors = Simulate.ArmaReturns(2500, 0, [0.4], [], 1.0, seed: 8);
        var y = x.Select((v, t) => 2.0 + 1.5 * v + errors[t]).ToArray();

        var fitted = new ArimaModel(new ArimaGrid(MaxP: 1, D: 0, MaxQ: 0)).FitWith(y, [x]);

        Assert.Equal(new ArimaOrder(1, 0, 0), fitted.Order);
        Assert.InRange(fitted.Parameters["beta1"], 1.35, 1.65);
        Assert.InRange(fitted.Parameters["ar1"], 0.36, 0.44);
        Assert.InRange(fitted.Parameters["mean"], 1.8, 2.2);
    }

    [Fact]
    public void Forecast_of_arima_1_1_0_matches_the_hand_computed_path_and_error_variance()
    {
        // Series 1, 2, 3, 5, 4 with φ = 0.5, drift 0.5, σ² = 1: w = 1, 1, 2, −1; u = w − 0.5 = 0.5, 0.5, 1.5, −1.5.
        // u5 = 0.5·(−1.5) = −0.75 → w5 = −0.25 → y5 = 3.75; u6 = −0.375 → w6 = 0.125 → y6 = 3.875.
        // ψ of 1/((1 − 0.5B)(1 − B)) = 1, 1.5, 1.75: Var(2-step) = 1 + 2.25 = 3.25.
        var candidate = new ArimaCandidate(new ArimaOrder(1, 1, 0), true, 0, [0.5, 0.5], 1.0, 0, [0.1, -0.2, 0.3, -0.1, 0.2, -0.3, 0.1, 0.05], null);
        var fitted = new FittedArima("1", candidate, []);

        var forecast = fitted.Forecast([1.0, 2, 3, 5, 4], 2);

        Assert.Equal(3.75, forecast.Path[0], 12);
        Assert.Equal(3.875, forecast.Path[1], 12);
        Assert.Equal(3.875 - 4, forecast.ExpectedReturn, 12);
        Assert.Equal(Math.Sqrt(3.25), forecast.Volatility, 12);
    }

    [Fact]
    public void Forecast_of_an_ma_1_uses_the_last_innovation_then_the_mean()
    {
        // d = 0, μ = 10, θ = 0.5 on 10, 12, 11: e = 0 (conditioned), 2 − 0.5·0 = 2, 1 − 0.5·2 = 0 → ŷ = 10 + 0.5·0 = 10.
        // On 10, 12: e2 = 2 → ŷ = 10 + 0.5·2 = 11, then 10.
        var candidate = new ArimaCandidate(new ArimaOrder(0, 0, 1), true, 0, [10, 0.5], 1.0, 0, [], null);
        var fitted = new FittedArima("1", candidate, []);

        Assert.Equal(10.0, fitted.Forecast([10.0, 12, 11], 1).Path[0], 12);
        var twoSteps = fitted.Forecast([10.0, 11, 12], 2);
        Assert.Equal(10 + 0.5 * (2 - 0.5 * 1), twoSteps.Path[0], 12);
        Assert.Equal(10.0, twoSteps.Path[1], 12);
    }

    [Fact]
    public void Unusable_candidates_are_discarded_with_a_reason_and_a_grid_with_none_left_fails_with_every_reason()
    {
        var straightLine = Enumerable.Range(0, 300).Select(t => 4.0 + 0.001 * t).ToArray();

        var error = Assert.Throws<ModelFitException>(() => new ArimaModel(new ArimaGrid(MaxP: 1, MaxQ: 1)).Fit(straightLine));

        Assert.Contains("no order in the grid gave a usable fit", error.Message);
        Assert.Contains("ARIMA(0,1,0) discarded: residual variance", error.Message);
        Assert.Contains("ARIMA(1,1,1) discarded", error.Message);
    }

    [Fact]
    public void A_non_stationary_estimate_is_discarded_with_the_root_named()
    {
        // An explosive AR(1) (φ = 1.02) in levels cannot be fitted as a stationary ARMA without differencing.
        var values = new double[400];
        var normal = new SeededNormal(4);
        values[0] = 1;
        for (var t = 1; t < values.Length; t++) values[t] = 1.02 * values[t - 1] + normal.Next(0, 0.1);

        var fit = ArimaEstimator.Fit(values, new ArimaOrder(1, 0, 0), includeMean: false);

        Assert.False(fit.Usable);
        Assert.Contains("AR part is not stationary", fit.DiscardReason);
    }

    [Fact]
    public void Too_short_a_history_is_refused_with_the_counts_named()
    {
        var error = Assert.Throws<ModelFitException>(() => ArimaEstimator.Fit([1.0, 2, 3, 4, 5], new ArimaOrder(1, 1, 1)));
        Assert.Contains("5 observations", error.Message);
    }
}
