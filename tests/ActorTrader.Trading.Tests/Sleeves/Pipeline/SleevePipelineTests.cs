using System.Globalization;
using System.Text;
using System.Text.Json;
using ActorTrader.Data.Runs;
using ActorTrader.Domain.Accounting;
using ActorTrader.Quant.Portfolio;
using ActorTrader.Strategies;
using ActorTrader.Strategies.Availability;
using ActorTrader.Strategies.Catalog;
using ActorTrader.Strategies.Settings;
using ActorTrader.Trading.Panels;
using ActorTrader.Trading.Sleeves;
using ActorTrader.Trading.Sleeves.Definition;
using ActorTrader.Trading.Sleeves.Pipeline;

namespace ActorTrader.Trading.Tests.Sleeves.Pipeline;

/// <summary>Whole pipeline runs on synthetic or hand-written data with test strategies.</summary>
public sealed class SleevePipelineTests : IDisposable
{
    private readonly TempDirectory _temp = SleeveTestFiles.TempRuns();

    public void Dispose() => _temp.Dispose();

    private async Task<(SleeveOutcome Outcome, string Directory)> RunAsync(SleeveDefinition definition, SleeveServices? services = null, Func<double, double>? invert = null)
    {
        services ??= new SleeveServices(SleeveTestFiles.EmbeddedData(), new RunArtifacts(_temp.Path));
        var run = SleeveTestFiles.FixedRun();
        var directory = SleeveRunDirectory.Create(services.Artifacts, run, definition.Name, shared: false);
        var outcome = await new SleevePipeline(services, invert).RunAsync(definition, run, directory);
        return (outcome, directory);
    }

    private static JsonElement Json(string directory, string file) => JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, file))).RootElement;

    [Fact]
    public async Task An_empty_universe_after_selection_stops_the_run_and_still_writes_the_audit_and_report()
    {
        var impossible = new SelectionSettings(1, [new SelectionLevel(100, 0, 1_000_000, 1), new SelectionLevel(50, 0, 1_000_000, 1)]);

        var (outcome, directory) = await RunAsync(TestSleeves.Definition([TestStrategy.FollowsYesterday()], selection: impossible));

        Assert.False(outcome.Succeeded);
        Assert.Equal("selection", outcome.FailureStage);
        Assert.Contains("empty universe after selection", outcome.FailureReason, StringComparison.Ordinal);
        Assert.Empty(outcome.Returns);
        Assert.Empty(outcome.AssetWeights);
        foreach (var file in new[] { "00_data.json", "01_aggregation.json", "02_health.json", "03_selection.json", "sleeve_outcome.json", "sleeve_report.md", "INDEX.md" })
            Assert.True(File.Exists(Path.Combine(directory, file)), $"{file} was not written");
        Assert.False(File.Exists(Path.Combine(directory, "weights.json")));
        Assert.Equal(2, Json(directory, "03_selection.json").GetProperty("levels").GetArrayLength());
        var report = File.ReadAllText(Path.Combine(directory, "sleeve_report.md"));
        Assert.Contains("**FAIL** at stage `selection`", report, StringComparison.Ordinal);
        Assert.Contains("sleeve_report.md", File.ReadAllText(Path.Combine(directory, "INDEX.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NaN_returns_in_a_sleeve_exclude_that_candidate_and_are_reported()
    {
        // A wide price table where BBB has no price on one day: holding BBB over that day gives a NaN return.
        var samples = Path.Combine(_temp.Path, "samples");
        Directory.CreateDirectory(samples);
        var csv = new StringBuilder("date,AAA,BBB,CCC\n");
        var day = new DateOnly(2023, 1, 2);
        for (var i = 0; i < 160; i++, day = day.AddDays(1))
        {
            var p = (double s) => (100 + s * 10 + i * 0.1 + (i % 7) * 0.3 * s).ToString("0.00", CultureInfo.InvariantCulture);
            csv.Append(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd},{p(1)},{(i == 100 ? "" : p(2))},{p(3)}\n");
        }
        File.WriteAllText(Path.Combine(samples, "prices.csv"), csv.ToString());
        var services = new SleeveServices(new PanelLoader(new PanelDataSources(null, null, samples, "NYSE", 42, TimeProvider.System)), new RunArtifacts(Path.Combine(_temp.Path, "runs")));
        var definition = TestSleeves.Definition([TestStrategy.AlwaysLong()], TestSleeves.Symbols("AAA", "BBB", "CCC"), source: PanelSourceKind.Auto,
            lookback: 160, to: new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));

        var (outcome, directory) = await RunAsync(definition, services);

        Assert.True(outcome.Succeeded, outcome.FailureReason);
        var excluded = Assert.Single(outcome.Excluded, e => e.StartsWith("always_long:NYSE:BBB:long", StringComparison.Ordinal));
        Assert.Contains("(health): non-finite return (NaN)", excluded, StringComparison.Ordinal);
        Assert.DoesNotContain(outcome.AssetWeights.Keys, s => s.Ticker == "BBB");
        var row = Json(directory, "02_health.json").GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "always_long:NYSE:BBB:long");
        Assert.False(row.GetProperty("healthy").GetBoolean());
        Assert.Contains("NaN", File.ReadAllText(Path.Combine(directory, "sleeve_report.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_file_of_a_run_names_an_absolute_path_under_the_working_directory()
    {
        // The data, the sleeve file and the runs all live under the working directory, as in a checkout.
        var samples = Path.Combine(_temp.Path, "data", "samples");
        Directory.CreateDirectory(samples);
        var csv = new StringBuilder("date,AAA,BBB\n");
        var day = new DateOnly(2023, 1, 2);
        for (var i = 0; i < 160; i++, day = day.AddDays(1))
            csv.Append(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd},{100 + i % 5 + i * 0.1:0.00},{50 + i % 3 - i * 0.05:0.00}\n");
        File.WriteAllText(Path.Combine(samples, "prices.csv"), csv.ToString());
        var sources = new PanelDataSources(null, null, samples, "NYSE", 42, TimeProvider.System) { WorkingDirectory = _temp.Path };
        var services = new SleeveServices(new PanelLoader(sources), new RunArtifacts(Path.Combine(_temp.Path, "data", "runs")));
        var definition = TestSleeves.Definition([TestStrategy.AlwaysLong()], TestSleeves.Symbols("AAA", "BBB"), source: PanelSourceKind.Auto,
            lookback: 160, to: new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)) with { Source = Path.Combine(_temp.Path, "hocon", "sleeves", "test_sleeve.conf") };

        var (outcome, directory) = await RunAsync(definition, services);

        Assert.True(outcome.Succeeded, outcome.FailureReason);
        Assert.Equal("data/samples", Json(directory, "00_data.json").GetProperty("location").GetString());
        Assert.Contains("hocon/sleeves/test_sleeve.conf", File.ReadAllText(Path.Combine(directory, SleevePipeline.ReportFile)), StringComparison.Ordinal);
        foreach (var file in Directory.GetFiles(directory, "*", SearchOption.AllDirectories))
            Assert.DoesNotContain(_temp.Path, File.ReadAllText(file), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_double_inverted_short_leg_fails_the_run_at_synthesis_and_the_sign_test_file_says_so()
    {
        var definition = TestSleeves.Definition([TestStrategy.ShortsFalls()]);

        var (outcome, directory) = await RunAsync(definition, invert: raw => -ShortLeg.Invert(raw));

        Assert.False(outcome.Succeeded);
        Assert.Equal("synthesis", outcome.FailureStage);
        Assert.False(outcome.SignTestPassed);
        var signTest = Json(directory, SleevePipeline.SignTestFile);
        Assert.False(signTest.GetProperty("passed").GetBoolean());
        Assert.All(signTest.GetProperty("candidates").EnumerateArray(), c => Assert.True(c.GetProperty("violations").GetInt32() > 0));
        Assert.True(File.Exists(Path.Combine(directory, "sleeve_report.md")));
    }

    [Fact]
    public async Task Certified_short_legs_give_negative_asset_weights()
    {
        var (outcome, directory) = await RunAsync(TestSleeves.Definition([TestStrategy.ShortsFalls()]));

        Assert.True(outcome.Succeeded, outcome.FailureReason);
        Assert.True(outcome.SignTestPassed);
        Assert.NotEmpty(outcome.AssetWeights);
        Assert.All(outcome.AssetWeights.Values, w => Assert.True(w < 0));
        Assert.Equal(-1.0, outcome.AssetWeights.Values.Sum(), 9);
        Assert.True(Json(directory, SleevePipeline.SignTestFile).GetProperty("passed").GetBoolean());
    }

    [Fact]
    public async Task The_sign_test_file_is_written_even_without_short_legs()
    {
        var (outcome, directory) = await RunAsync(TestSleeves.Definition([TestStrategy.AlwaysLong()]));

        Assert.True(outcome.Succeeded, outcome.FailureReason);
        var signTest = Json(directory, SleevePipeline.SignTestFile);
        Assert.Equal(0, signTest.GetProperty("short_legs").GetInt32());
        Assert.True(signTest.GetProperty("passed").GetBoolean());
    }

    [Fact]
    public async Task A_run_where_every_candidate_fails_health_stops_there_and_says_how_to_fix_it()
    {
        var definition = TestSleeves.Definition([TestStrategy.FollowsYesterday()]) with { Health = new HealthSettings(10_000) };

        var (outcome, _) = await RunAsync(definition);

        Assert.Equal("health", outcome.FailureStage);
        Assert.Contains("health.min-observations", outcome.FailureReason, StringComparison.Ordinal);
        Assert.Contains("Fix: ", outcome.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_run_fails_at_optimisation_when_the_primary_engine_fails()
    {
        var catalog = new OptimizerCatalog([OptimizerCatalog.Default.Get("min-vol"), new ZeroSumOptimizer()]);
        var services = new SleeveServices(SleeveTestFiles.EmbeddedData(), new RunArtifacts(_temp.Path)) { Optimizers = catalog };
        var definition = TestSleeves.Definition([TestStrategy.FollowsYesterday()], optimisation: new OptimisationSettings(["zero-sum", "min-vol"], "zero-sum", 1, CovarianceKind.Sample));

        var (outcome, directory) = await RunAsync(definition, services);

        Assert.Equal("optimisation", outcome.FailureStage);
        Assert.Contains("zero-sum", outcome.FailureReason, StringComparison.Ordinal);
        Assert.Contains("Fix: ", outcome.FailureReason, StringComparison.Ordinal);
        var engines = Json(directory, "06_optimisation.json").GetProperty("engines").EnumerateArray().ToList();
        Assert.False(engines.Single(e => e.GetProperty("engine").GetString() == "zero-sum").GetProperty("succeeded").GetBoolean());
        Assert.True(engines.Single(e => e.GetProperty("engine").GetString() == "min-vol").GetProperty("succeeded").GetBoolean());
    }

    [Fact]
    public async Task A_failing_engine_that_is_not_primary_is_reported_and_the_run_succeeds()
    {
        var catalog = new OptimizerCatalog([OptimizerCatalog.Default.Get("min-vol"), new ZeroSumOptimizer()]);
        var services = new SleeveServices(SleeveTestFiles.EmbeddedData(), new RunArtifacts(_temp.Path)) { Optimizers = catalog };
        var definition = TestSleeves.Definition([TestStrategy.FollowsYesterday()], optimisation: new OptimisationSettings(["min-vol", "zero-sum"], "min-vol", 1, CovarianceKind.Sample));

        var (outcome, directory) = await RunAsync(definition, services);

        Assert.True(outcome.Succeeded, outcome.FailureReason);
        Assert.Contains("| zero-sum | no | FAILED |", File.ReadAllText(Path.Combine(directory, "sleeve_report.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_strategy_that_throws_degrades_the_sleeve_and_the_others_go_on()
    {
        var (outcome, directory) = await RunAsync(TestSleeves.Definition([TestStrategy.Throws(), TestStrategy.FollowsYesterday()]));

        Assert.True(outcome.Succeeded, outcome.FailureReason);
        Assert.Equal(["always_throws"], outcome.DegradedStrategies);
        var row = Json(directory, "01_aggregation.json").GetProperty("strategies").EnumerateArray().Single(s => s.GetProperty("strategy").GetString() == "always_throws");
        Assert.True(row.GetProperty("degraded").GetBoolean());
    }

    [Fact]
    public async Task A_strategy_that_shorts_is_refused_on_a_cash_account_with_the_reason()
    {
        var pairs = StrategyCatalog.Default.Get("pairs");
        var definition = TestSleeves.Definition([TestStrategy.FollowsYesterday()], account: AccountKind.Cash, synthesis: new SynthesisSettings(false, true)) with
        {
            Strategies =
            [
                new SleeveStrategy(TestStrategy.FollowsYesterday(), new StrategySetting("follows_yesterday", true, 1, Strategies.Parameters.ParameterSet.Empty)),
                new SleeveStrategy(pairs, StrategySetting.DefaultFor(pairs) with { Enabled = true }),
            ],
        };

        var (outcome, directory) = await RunAsync(definition);

        Assert.True(outcome.Succeeded, outcome.FailureReason);
        Assert.Contains(outcome.Excluded, e => e.StartsWith("pairs (aggregation):", StringComparison.Ordinal) && e.Contains("margin", StringComparison.Ordinal));
        var row = Json(directory, "01_aggregation.json").GetProperty("strategies").EnumerateArray().Single(s => s.GetProperty("strategy").GetString() == "pairs");
        Assert.False(row.GetProperty("available").GetBoolean());
    }

    [Fact]
    public async Task Missing_data_stops_the_run_at_the_data_stage_naming_the_symbol()
    {
        var definition = TestSleeves.Definition([TestStrategy.AlwaysLong()], TestSleeves.Symbols("AAPL", "NOPE"), source: PanelSourceKind.Csv,
            to: new DateTimeOffset(2019, 12, 31, 0, 0, 0, TimeSpan.Zero));

        var (outcome, directory) = await RunAsync(definition);

        Assert.Equal("data", outcome.FailureStage);
        Assert.Contains("NYSE:NOPE", outcome.FailureReason, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(directory, "sleeve_report.md")));
    }

    [Fact]
    public async Task The_sleeve_returns_are_the_legs_weighted_by_the_primary_engine()
    {
        var (outcome, directory) = await RunAsync(TestSleeves.Definition([TestStrategy.FollowsYesterday()]));

        Assert.True(outcome.Succeeded, outcome.FailureReason);
        Assert.Equal(outcome.Dates.Count, outcome.Returns.Count);
        var weights = Json(directory, SleevePipeline.WeightsJsonFile);
        Assert.Equal("min-vol", weights.GetProperty("engine").GetString());
        Assert.Equal(1.0, weights.GetProperty("legs").EnumerateArray().Sum(l => l.GetProperty("weight").GetDouble()), 9);
        Assert.Equal(outcome.Returns.Count, weights.GetProperty("periods").GetInt32());
    }

    [Fact]
    public async Task Before_costs_the_validation_backtest_trades_exactly_the_in_sample_sleeve_returns()
    {
        var definition = TestSleeves.Definition([TestStrategy.FollowsYesterday(), TestStrategy.ShortsFalls()]) with { Validation = new ValidationSettings(true, 0) };

        var (outcome, directory) = await RunAsync(definition);

        Assert.True(outcome.Succeeded, outcome.FailureReason);
        var backtest = Json(directory, SleevePipeline.ValidationFile);
        var times = backtest.GetProperty("times").EnumerateArray().Select(t => t.GetDateTimeOffset()).ToList();
        var returns = backtest.GetProperty("returns").EnumerateArray().Select(r => r.GetDouble()).ToList();
        // Bar t + 1 of the backtest books the weights decided at the close of bar t: the in-sample period ending then.
        Assert.Equal(outcome.Returns.Count + 1, returns.Count);
        Assert.Equal(outcome.Dates, times.Skip(1));
        for (var t = 0; t < outcome.Returns.Count; t++)
            Assert.True(Math.Abs(returns[t + 1] - outcome.Returns[t]) < 1e-12, $"bar {t + 1}: backtest {returns[t + 1]}, in-sample {outcome.Returns[t]}");
    }

    private sealed class ZeroSumOptimizer : IPortfolioOptimizer
    {
        public string Name => "zero-sum";

        public PortfolioWeights Optimize(PortfolioProblem problem) =>
            new(Name, problem.Assets, [.. problem.Assets.Select((_, i) => i % 2 == 0 ? 1.0 : -1.0).Take(problem.Count - problem.Count % 2).Concat(problem.Count % 2 == 1 ? [0.0] : [])]);
    }
}
