using ActorTrader.Backtest.Forecasting;
using ActorTrader.Hocon;

namespace ActorTrader.Backtest.Tests.Forecasting;

public sealed class ForecastingSettingsTests
{
    private static readonly string ReferencePath = Path.Combine(AppContext.BaseDirectory, "TestData", "reference.conf");

    private static (ForecastingSettings Settings, IReadOnlyList<ConfigProblem> Problems) Read(string overrides = "") =>
        ForecastingSettings.Read(ConfigurationFactory.ParseString(overrides, new HoconParseOptions { SourceName = "node.conf" })
            .WithFallback(ConfigurationFactory.ParseFile(ReferencePath))
            .Resolve());

    [Fact]
    public void Reference_configuration_gives_the_built_in_defaults()
    {
        var (settings, problems) = Read();

        Assert.Empty(problems);
        Assert.Equal(ForecastingSettings.Default.Models, settings.Models);
        Assert.Equal(ForecastingSettings.Default.Fallbacks, settings.Fallbacks);
        Assert.Equal(ForecastingSettings.Default.Validation.Horizons, settings.Validation.Horizons);
        Assert.Equal(ForecastingSettings.Default with { Models = settings.Models, Fallbacks = settings.Fallbacks, Validation = settings.Validation }, settings);
        Assert.Equal(ForecastingSettings.Default.Validation with { Horizons = settings.Validation.Horizons }, settings.Validation);
        Assert.False(settings.RouterEnabled);
    }

    [Fact]
    public void Overrides_are_read()
    {
        var (settings, problems) = Read("""
            actortrader.forecasting {
              models = [naive, garch]
              runner { max-parallel = 2, model-timeout = 3s }
              router { enabled = on, primary = ssa, fallbacks = [] }
              validation { horizons = [20, 1], green.min-sharpe = 1.0 }
            }
            """);

        Assert.Empty(problems);
        Assert.Equal(["naive", "garch"], settings.Models);
        Assert.Equal(2, settings.MaxParallel);
        Assert.Equal(TimeSpan.FromSeconds(3), settings.ModelTimeout);
        Assert.True(settings.RouterEnabled);
        Assert.Equal("ssa", settings.Primary);
        Assert.Empty(settings.Fallbacks);
        Assert.Equal([1, 20], settings.Validation.Horizons);
        Assert.Equal(1.0, settings.Validation.Thresholds.GreenMinSharpe);
    }

    [Fact]
    public void Bad_values_are_reported_with_key_and_fix_and_fall_back_to_defaults()
    {
        var (settings, problems) = Read("""
            actortrader.forecasting {
              models = [arima, prophet]
              router.primary = lstm
              runner.model-timeout = 0s
              validation { horizons = [0], folds = 0, green.min-hit-rate = 1.5, yellow.max-dm-p-value = 0.01 }
            }
            """);

        Assert.Equal(ForecastingSettings.Default.Models, settings.Models);
        Assert.Equal("arima", settings.Primary);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.ModelTimeout);
        Assert.Equal(ValidationSettings.Default.Horizons, settings.Validation.Horizons);
        Assert.Equal(5, settings.Validation.Folds);
        Assert.Equal(TierThresholds.Default, settings.Validation.Thresholds);
        var text = string.Join("\n", problems.Select(p => p.ToString()));
        Assert.Contains("prophet", text, StringComparison.Ordinal);
        Assert.Contains("lstm", text, StringComparison.Ordinal);
        Assert.Contains("actortrader.forecasting.runner.model-timeout", text, StringComparison.Ordinal);
        Assert.Contains("actortrader.forecasting.validation.horizons", text, StringComparison.Ordinal);
        Assert.Contains("actortrader.forecasting.validation.folds", text, StringComparison.Ordinal);
        Assert.Contains("actortrader.forecasting.validation.green.min-hit-rate", text, StringComparison.Ordinal);
        Assert.Contains("actortrader.forecasting.validation.yellow", text, StringComparison.Ordinal);
        Assert.True(7 == problems.Count, text);
    }
}
