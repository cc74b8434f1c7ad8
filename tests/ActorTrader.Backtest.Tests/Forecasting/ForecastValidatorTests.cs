using ActorTrader.Backtest.Forecasting;
using ActorTrader.Quant.Forecasting;
using ActorTrader.Quant.Forecasting.Arima;
using ActorTrader.Quant.Forecasting.Baseline;

namespace ActorTrader.Backtest.Tests.Forecasting;

public sealed class ForecastValidatorTests
{
    private static readonly ValidationSettings Settings = new([1, 5], 4, 200, TierThresholds.Default with { MinimumForecasts = 50 });

    private static ForecastSeries[] Universe(int symbols, int bars, double phi = 0, int seed = 1) =>
        Enumerable.Range(0, symbols).Select(i => ForecastTestSeries.Ar1Returns($"S{i}", bars, phi, 0.01, seed + i, 50 + 10 * i)).ToArray();

    [Fact]
    public void A_planted_good_model_is_green_and_its_contrarian_twin_is_red()
    {
        var universe = Universe(3, 700);
        var full = universe.Select(s => s.LogPrices).ToArray();
        var good = new PlantedModel("good", full, sign: 1, noise: 0.004, seed: 7);
        var bad = new PlantedModel("bad", full, sign: -1, noise: 0.004, seed: 7);

        var report = new ForecastValidator(Settings).Validate(universe, [good, bad, new NaiveModel()]);

        foreach (var horizon in Settings.Horizons)
        {
            var g = report.Find("good", horizon)!;
            Assert.Equal(ValidationTier.Green, g.Tier);
            Assert.Empty(g.Reasons);
            Assert.True(g.DieboldMariano!.PValue < 1e-6, $"h={horizon}: DM p {g.DieboldMariano.PValue}");
            Assert.True(g.PairedT!.PValue < 1e-6);
            Assert.True(g.HitRate > 0.7, $"h={horizon}: hit rate {g.HitRate}");
            Assert.True(g.Sharpe > 3, $"h={horizon}: Sharpe {g.Sharpe}");
            // Null means no losing period at all (an unbounded profit factor).
            Assert.True(g.ProfitFactor is null or > 2, $"h={horizon}: profit factor {g.ProfitFactor}");
            Assert.True(g.Mae < g.NaiveMae);

            var b = report.Find("bad", horizon)!;
            Assert.Equal(ValidationTier.Red, b.Tier);
            Assert.Contains(b.Reasons, r => r.Contains("Diebold-Mariano", StringComparison.Ordinal));
            Assert.Contains(b.Reasons, r => r.Contains("hit rate", StringComparison.Ordinal));
            Assert.True(b.HitRate < 0.3);
            Assert.True(b.Sharpe < 0);
            Assert.True(b.MaxDrawdown > 0.5);
            Assert.True(b.DieboldMariano!.PValue > 0.99);

            var naive = report.Find(NaiveModel.ModelName, horizon)!;
            Assert.Equal(ValidationTier.Red, naive.Tier);
            Assert.Contains("baseline", naive.Reasons[0], StringComparison.Ordinal);
            Assert.Equal(naive.NaiveMae, naive.Mae);
            Assert.Null(naive.HitRate);
        }
        Assert.True(report.IsGreen("good", "test-1", 1));
        Assert.False(report.IsGreen("good", "test-2", 1));
        Assert.False(report.IsGreen("good", "test-1", 20));
    }

    [Fact]
    public void Folds_train_only_on_bars_before_their_test_block()
    {
        var universe = Universe(1, 600);
        var spy = new PlantedModel("spy", universe.Select(s => s.LogPrices).ToArray(), 1, 0.001, 3);

        var report = new ForecastValidator(Settings).Validate(universe, [spy]);

        // 600 bars, 200 to train first, 4 blocks of 100: fits on 200, 300, 400, 500 bars.
        Assert.Equal([200, 300, 400, 500], spy.FitLengths.Order());
        Assert.All(spy.ForecastHistories, f => Assert.InRange(f.History, f.Fit, f.Fit + 100));
        // Horizon 1: every bar from 200 to 599 is an origin once; horizon 5: origins 5 bars apart whose outcome is in the data.
        Assert.Equal(400, report.Find("spy", 1)!.Forecasts);
        Assert.Equal(80, report.Find("spy", 5)!.Forecasts);
    }

    [Fact]
    public void A_model_failing_on_some_folds_is_counted_with_its_reasons_and_scored_on_the_rest()
    {
        var universe = Universe(2, 600);
        var flaky = new PlantedModel("flaky", universe.Select(s => s.LogPrices).ToArray(), 1, 0.002, 5, failFitsShorterThan: 300);

        var row = new ForecastValidator(Settings).Validate(universe, [flaky]).Find("flaky", 1)!;

        Assert.Equal(2, row.FailedFits);
        Assert.All(row.Failures, f => Assert.Contains("planted failure on a 200-bar window", f, StringComparison.Ordinal));
        Assert.Contains(row.Failures, f => f.StartsWith("S0 fold 1:", StringComparison.Ordinal));
        Assert.Equal(2 * 300, row.Forecasts);
    }

    [Fact]
    public void Arima_beats_the_random_walk_on_autocorrelated_returns_and_not_on_a_random_walk()
    {
        var settings = new ValidationSettings([1], 3, 300, TierThresholds.Default);
        var predictable = new ForecastValidator(settings).Validate(Universe(3, 1000, phi: 0.35, seed: 11), [new ArimaModel()]).Find("arima", 1)!;
        var random = new ForecastValidator(settings).Validate(Universe(3, 1000, phi: 0, seed: 11), [new ArimaModel()]).Find("arima", 1)!;

        Assert.Equal(ValidationTier.Green, predictable.Tier);
        Assert.True(predictable.DieboldMariano!.PValue < 0.001, $"DM p {predictable.DieboldMariano.PValue}");
        Assert.True(predictable.HitRate > 0.56, $"hit rate {predictable.HitRate}");
        Assert.NotEqual(ValidationTier.Green, random.Tier);
        Assert.True(random.DieboldMariano is null || random.DieboldMariano.PValue > 0.05, $"DM p {random.DieboldMariano?.PValue}");
        Assert.Equal(0, predictable.FailedFits);
    }

    [Fact]
    public void Too_short_history_is_an_error_naming_the_bars_needed()
    {
        var error = Assert.Throws<ArgumentException>(() => new ForecastValidator(Settings).Validate(Universe(1, 150), [new NaiveModel()]));
        Assert.Contains("220 bars", error.Message, StringComparison.Ordinal);
        Assert.Contains("min-train", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_built_in_model_validates_without_failures_on_a_short_universe()
    {
        var settings = new ValidationSettings([1, 5], 2, 200, TierThresholds.Default);
        var report = new ForecastValidator(settings).Validate(Universe(2, 400, phi: 0.1), ForecastModels.All());

        Assert.Equal(ForecastModels.Names.Count * 2, report.Results.Count);
        Assert.All(report.Results, r =>
        {
            Assert.Equal(0, r.FailedFits);
            Assert.True(r.Forecasts > 0);
            Assert.NotNull(r.Mae);
            Assert.NotNull(r.LjungBoxRejected);
        });
        Assert.Equal(["S0", "S1"], report.Symbols);
    }
}
