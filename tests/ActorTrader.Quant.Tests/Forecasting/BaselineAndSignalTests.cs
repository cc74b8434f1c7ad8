using ActorTrader.Quant.Forecasting;
using ActorTrader.Quant.Forecasting.Baseline;
using ActorTrader.Quant.Forecasting.Signals;
using Xunit;

namespace ActorTrader.Quant.Tests.Forecasting;

public sealed class BaselineAndSignalTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 21, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Naive_forecast_is_the_last_value_with_root_h_volatility()
    {
        // Log returns 0.1, −0.1, 0.1, −0.1: mean drift 0, sample sd √(0.04/3).
        double[] x = [1.0, 1.1, 1.0, 1.1, 1.0];

        var forecast = new NaiveModel().Fit(x).Forecast(x, 4);

        Assert.Equal([1.0, 1.0, 1.0, 1.0], forecast.Path);
        Assert.Equal(0, forecast.ExpectedReturn);
        Assert.Equal(Math.Sqrt(0.04 / 3) * 2, forecast.Volatility, 12);
    }

    [Fact]
    public void Normalizer_sets_direction_confidence_and_provenance()
    {
        var forecast = new Forecast(5, [4.61, 4.62], 0.0196, 0.02, ["change-point"]);

        var signal = SignalNormalizer.Normalize(forecast, "AAPL", "arima", "1", "sha256:abc", Now, Now.Date);

        Assert.Equal(SignalDirection.Up, signal.Direction);
        // |0.0196| / 0.02 = 0.98 standard errors: 2Φ(0.98) − 1 = 0.6729.
        Assert.Equal(0.6729, signal.Confidence, 4);
        Assert.Equal(("arima", "1", "sha256:abc", Now, 5), (signal.Model, signal.Version, signal.DataFingerprint, signal.Timestamp, signal.Horizon));
        Assert.Equal(["change-point"], signal.Flags);
        Assert.Equal(SignalDirection.Down, SignalNormalizer.Normalize(forecast with { ExpectedReturn = -0.01 }, "AAPL", "arima", "1", "f", Now, Now).Direction);
        Assert.Equal(SignalDirection.Flat, SignalNormalizer.Normalize(forecast with { ExpectedReturn = 0.00005 }, "AAPL", "arima", "1", "f", Now, Now).Direction);
    }

    [Fact]
    public void Normalizer_refuses_local_times_and_non_finite_forecasts()
    {
        var forecast = new Forecast(1, [1.0], 0.01, 0.02, []);
        Assert.Contains("not UTC", Assert.Throws<ArgumentException>(() =>
            SignalNormalizer.Normalize(forecast, "X", "m", "1", "f", DateTime.SpecifyKind(Now, DateTimeKind.Local), Now)).Message);
        Assert.Contains("not finite", Assert.Throws<ArgumentException>(() =>
            SignalNormalizer.Normalize(forecast with { ExpectedReturn = double.NaN }, "X", "m", "1", "f", Now, Now)).Message);
    }

    [Fact]
    public void Fingerprint_changes_with_any_bar_and_is_stable_otherwise()
    {
        DateTime[] times = [Now.AddDays(-1), Now];
        var a = DataFingerprint.Of("AAPL", times, [100.0, 101.0]);

        Assert.Equal(a, DataFingerprint.Of("AAPL", times, [100.0, 101.0]));
        Assert.StartsWith("sha256:", a);
        Assert.Equal(23, a.Length);
        Assert.NotEqual(a, DataFingerprint.Of("AAPL", times, [100.0, 101.01]));
        Assert.NotEqual(a, DataFingerprint.Of("MSFT", times, [100.0, 101.0]));
        Assert.NotEqual(a, DataFingerprint.Of("AAPL", [Now.AddDays(-2), Now], [100.0, 101.0]));
    }

    [Fact]
    public void Every_built_in_model_fits_and_forecasts_a_realistic_price_series()
    {
        var prices = Simulate.Integrate(Simulate.ArmaReturns(1260, 0.0003, [0.05], [], 0.015, seed: 1));
        foreach (var model in ForecastModels.All())
        {
            var fitted = model.Fit(prices);
            var forecast = fitted.Forecast(prices, 5);
            Assert.Equal(model.Name, fitted.Model);
            Assert.Equal(5, forecast.Path.Count);
            Assert.True(double.IsFinite(forecast.ExpectedReturn) && forecast.Volatility > 0, $"{model.Name}: {forecast}");
            Assert.True(fitted.Diagnostics.LjungBox is not null || fitted.Diagnostics.LjungBoxNotComputed is not null);
        }
        Assert.Contains("Known models", Assert.Throws<ArgumentException>(() => ForecastModels.Create("prophet")).Message);
    }
}
