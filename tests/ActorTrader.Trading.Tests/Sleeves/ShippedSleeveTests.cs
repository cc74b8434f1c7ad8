using System.Text.Json;
using ActorTrader.Backtest.Market;
using ActorTrader.Backtest.Vectorised;
using ActorTrader.Trading.Panels;
using ActorTrader.Data.Runs;
using ActorTrader.Trading.Sleeves;
using ActorTrader.Trading.Sleeves.Definition;
using ActorTrader.Trading.Sleeves.Pipeline;

namespace ActorTrader.Trading.Tests.Sleeves;

/// <summary>The shipped sleeve files run end to end on the embedded default data (bundled samples, else synthetic).</summary>
public sealed class ShippedSleeveTests : IDisposable
{
    private readonly TempDirectory _temp = SleeveTestFiles.TempRuns();

    public void Dispose() => _temp.Dispose();

    private static async Task<(SleeveOutcome Outcome, string Directory)> RunAsync(string sleeve, string runsDirectory)
    {
        var definition = SleeveDefinitionReader.ReadFile(Path.Combine(SleeveTestFiles.SleevesDirectory, sleeve + ".conf"), SleeveTestFiles.Reference).Require();
        var services = new SleeveServices(SleeveTestFiles.EmbeddedData(), new RunArtifacts(runsDirectory));
        var run = SleeveTestFiles.FixedRun();
        var directory = SleeveRunDirectory.Create(services.Artifacts, run, sleeve, shared: false);
        return (await new SleevePipeline(services).RunAsync(definition, run, directory), directory);
    }

    private static JsonElement Json(string directory, string file) => JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, file))).RootElement;

    [Fact]
    public async Task Core_equity_runs_on_the_bundled_samples_and_writes_every_audit_file()
    {
        var (outcome, directory) = await RunAsync("core_equity", _temp.Path);

        Assert.True(outcome.Succeeded, outcome.FailureReason);
        string[] expected =
        [
            "00_data.json", "01_aggregation.json", "02_health.json", "03_selection.json", "04_synthesis.json", "05_pre_opt.json",
            "06_optimisation.json", "07_report.json", "08_validation.json", "directional_sign_test.json", "weights.json", "weights.csv",
            "validation_backtest.json", "sleeve_outcome.json", "sleeve_report.md", "INDEX.md", "tearsheet/tearsheet.html",
        ];
        foreach (var file in expected) Assert.True(File.Exists(Path.Combine(directory, file)), $"{file} was not written");
        var data = Json(directory, "00_data.json");
        Assert.Equal("csv", data.GetProperty("source").GetString());
        Assert.False(data.GetProperty("synthetic").GetBoolean());
        Assert.False(outcome.SyntheticData);
        Assert.Equal("csv", outcome.DataSource);
        Assert.Equal(outcome.Dates.Count, outcome.Returns.Count);
        Assert.NotEmpty(outcome.Returns);
        Assert.All(outcome.AssetWeights.Values, w => Assert.True(w >= 0)); // long only on a cash account
        Assert.Equal(1.0, outcome.AssetWeights.Values.Sum(), 9);
        Assert.Equal(Path.Combine(_temp.Path, SleeveTestFiles.FixedRun().Value), outcome.RunDirectory);
        Assert.True(Json(directory, "08_validation.json").GetProperty("ran").GetBoolean());
    }

    [Fact]
    public async Task Core_equity_target_weights_are_todays_part_of_the_allocation_and_agree_with_the_weights_file()
    {
        var (outcome, directory) = await RunAsync("core_equity", _temp.Path);

        Assert.True(outcome.Succeeded, outcome.FailureReason);
        Assert.NotEmpty(outcome.TargetWeights);
        Assert.InRange(Math.Abs(outcome.TargetWeights.Values.Sum()), 0, 1 + 1e-9);
        Assert.All(outcome.TargetWeights.Keys, s => Assert.Contains(s, outcome.AssetWeights.Keys));
        // Long only: each symbol holds at most its allocation today (exposures are within [0, 1]).
        Assert.All(outcome.TargetWeights, p => Assert.InRange(p.Value, 0, outcome.AssetWeights[p.Key] + 1e-12));
        var file = Json(directory, SleevePipeline.WeightsJsonFile);
        var targets = file.GetProperty("targets").EnumerateArray().ToDictionary(t => t.GetProperty("symbol").GetString()!, t => t.GetProperty("weight").GetDouble());
        Assert.Equal(outcome.TargetWeights.ToDictionary(p => p.Key.ToString(), p => p.Value), targets);
        // The leg rows add up to the same targets: Σ over a symbol's legs of ±(weight × current exposure).
        var fromLegs = file.GetProperty("legs").EnumerateArray()
            .GroupBy(l => l.GetProperty("symbol").GetString()!)
            .ToDictionary(g => g.Key, g => g.Sum(l => (l.GetProperty("direction").GetString() == "short" ? -1 : 1) * l.GetProperty("weight").GetDouble() * l.GetProperty("current_exposure").GetDouble()));
        foreach (var (symbol, weight) in targets) Assert.Equal(weight, fromLegs[symbol], 12);
        Assert.Equal("level,id,strategy,symbol,direction,weight,target_weight", File.ReadLines(Path.Combine(directory, SleevePipeline.WeightsCsvFile)).First());
        Assert.Contains("\"target\" = what to hold from the next open", File.ReadAllText(Path.Combine(directory, SleevePipeline.ReportFile)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("core_equity")]
    [InlineData("trend_short")]
    public async Task The_vectorised_simulator_on_the_target_schedule_without_costs_reproduces_the_sleeve_returns_bar_for_bar(string sleeve)
    {
        var (outcome, _) = await RunAsync(sleeve, _temp.Path);
        Assert.True(outcome.Succeeded, outcome.FailureReason);
        // The same bars the sleeve ran on, as the CLI would load them.
        var definition = SleeveDefinitionReader.ReadFile(Path.Combine(SleeveTestFiles.SleevesDirectory, sleeve + ".conf"), SleeveTestFiles.Reference).Require();
        var u = definition.Universe;
        var loaded = await SleeveTestFiles.EmbeddedData().LoadAsync(new PanelRequest(u.Symbols, u.Timeframe, u.Source, definition.Window.From, definition.Window.To, definition.Window.LookbackBars));
        var all = ReturnsMatrix.FromPanel(loaded.Panel);
        var schedule = outcome.TargetSchedule;
        var returns = all.Slice(all.Times.ToList().IndexOf(schedule.Dates[0]), schedule.Count);

        var result = VectorisedSimulator.Run(returns, schedule.ToWeightsSchedule(returns.Symbols),
            new VectorisedOptions { CostBps = 0, PeriodsPerYear = 252 });

        Assert.Equal(outcome.Returns.Count + 1, result.Returns.Count);
        Assert.Equal(outcome.Dates, result.Times.Skip(1));
        for (var t = 0; t < outcome.Returns.Count; t++)
            Assert.True(Math.Abs(result.Returns[t + 1] - outcome.Returns[t]) < 1e-12, $"{sleeve} bar {t + 1}: simulator {result.Returns[t + 1]}, sleeve {outcome.Returns[t]}");
        // Not the static allocation: the strategies go in and out of the market, so the rows differ.
        Assert.True(schedule.Weights.Select(r => string.Join(",", r)).Distinct().Count() > 1);
    }

    [Fact]
    public async Task Trend_short_holds_certified_short_legs_only()
    {
        var (outcome, directory) = await RunAsync("trend_short", _temp.Path);

        Assert.True(outcome.Succeeded, outcome.FailureReason);
        Assert.True(outcome.SignTestPassed);
        Assert.All(outcome.AssetWeights.Values, w => Assert.True(w <= 0));
        var signTest = Json(directory, SleevePipeline.SignTestFile);
        Assert.True(signTest.GetProperty("gate_enabled").GetBoolean());
        Assert.NotEqual(0, signTest.GetProperty("short_legs").GetInt32());
        Assert.All(signTest.GetProperty("candidates").EnumerateArray(), c => Assert.Equal(0, c.GetProperty("violations").GetInt32()));
    }

    [Fact]
    public async Task Crypto_synthetic_falls_back_to_synthetic_data_and_says_so()
    {
        var (outcome, directory) = await RunAsync("crypto_synthetic", _temp.Path);

        Assert.True(outcome.Succeeded, outcome.FailureReason);
        var data = Json(directory, "00_data.json");
        Assert.Equal("synthetic", data.GetProperty("source").GetString());
        Assert.True(data.GetProperty("synthetic").GetBoolean());
        Assert.True(Json(directory, SleevePipeline.WeightsJsonFile).GetProperty("synthetic").GetBoolean());
        Assert.True(outcome.SyntheticData);
        Assert.Equal("synthetic", outcome.DataSource);
        Assert.True(Json(directory, SleevePipeline.OutcomeFile).GetProperty("synthetic_data").GetBoolean());
    }

    [Fact]
    public async Task Two_runs_with_the_same_run_id_write_byte_identical_weights_and_audits()
    {
        var first = await RunAsync("core_equity", Path.Combine(_temp.Path, "first"));
        var second = await RunAsync("core_equity", Path.Combine(_temp.Path, "second"));

        Assert.Equal(File.ReadAllBytes(Path.Combine(first.Directory, "weights.json")), File.ReadAllBytes(Path.Combine(second.Directory, "weights.json")));
        foreach (var audit in Directory.GetFiles(first.Directory, "0*_*.json").Select(Path.GetFileName))
            Assert.Equal(File.ReadAllBytes(Path.Combine(first.Directory, audit!)), File.ReadAllBytes(Path.Combine(second.Directory, audit!)));
        Assert.Equal(first.Outcome.Returns, second.Outcome.Returns);
    }
}
