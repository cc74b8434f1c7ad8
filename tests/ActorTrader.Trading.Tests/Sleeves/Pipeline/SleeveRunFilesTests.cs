using System.Globalization;
using System.Text.Json;
using ActorTrader.Data.Runs;
using ActorTrader.Trading.Sleeves;
using ActorTrader.Trading.Sleeves.Definition;
using ActorTrader.Trading.Sleeves.Pipeline;

namespace ActorTrader.Trading.Tests.Sleeves.Pipeline;

/// <summary>What a run's files say about the sign test, the strategies' audit events and the weights over time.</summary>
public sealed class SleeveRunFilesTests : IDisposable
{
    private readonly TempDirectory _temp = SleeveTestFiles.TempRuns();

    public void Dispose() => _temp.Dispose();

    private async Task<(SleeveOutcome Outcome, string Directory)> RunAsync(SleeveDefinition definition)
    {
        var services = new SleeveServices(SleeveTestFiles.EmbeddedData(), new RunArtifacts(_temp.Path));
        var run = SleeveTestFiles.FixedRun();
        var directory = SleeveRunDirectory.Create(services.Artifacts, run, definition.Name, shared: false);
        return (await new SleevePipeline(services).RunAsync(definition, run, directory), directory);
    }

    private static string Text(string directory, string file) => File.ReadAllText(Path.Combine(directory, file));

    [Fact]
    public async Task A_run_stopped_at_selection_reports_the_sign_test_as_not_reached()
    {
        var impossible = new SelectionSettings(1, [new SelectionLevel(100, 0, 1_000_000, 1)]);

        var (outcome, directory) = await RunAsync(TestSleeves.Definition([TestStrategy.FollowsYesterday()], selection: impossible));

        Assert.Equal("selection", outcome.FailureStage);
        Assert.False(outcome.SignTestRan);
        Assert.True(outcome.SignTestPassed); // no violation was found, because nothing was tested
        var report = Text(directory, SleevePipeline.ReportFile);
        Assert.Contains("- Directional sign test: not reached (stopped at selection)", report, StringComparison.Ordinal);
        Assert.DoesNotContain("Directional sign test: passed", report, StringComparison.Ordinal);
        using var file = JsonDocument.Parse(Text(directory, SleevePipeline.OutcomeFile));
        Assert.False(file.RootElement.GetProperty("sign_test_ran").GetBoolean());
        Assert.Equal(0, outcome.TargetSchedule.Count);
    }

    [Fact]
    public async Task A_run_through_synthesis_reports_that_the_sign_test_ran_and_passed()
    {
        var (outcome, directory) = await RunAsync(TestSleeves.Definition([TestStrategy.ShortsFalls()]));

        Assert.True(outcome.Succeeded, outcome.FailureReason);
        Assert.True(outcome.SignTestRan);
        Assert.Contains("- Directional sign test: passed (see directional_sign_test.json)", Text(directory, SleevePipeline.ReportFile), StringComparison.Ordinal);
        using var file = JsonDocument.Parse(Text(directory, SleevePipeline.OutcomeFile));
        Assert.True(file.RootElement.GetProperty("sign_test_ran").GetBoolean());
    }

    [Fact]
    public async Task Every_strategy_event_is_written_to_the_event_log_sorted_by_time_strategy_and_symbol()
    {
        var definition = TestSleeves.Definition([TestStrategy.LogsMoves("zz_gaps", "gap"), TestStrategy.LogsMoves("aa_notes", "note")]);

        var (outcome, directory) = await RunAsync(definition);

        Assert.True(outcome.Succeeded, outcome.FailureReason);
        var lines = File.ReadAllLines(Path.Combine(directory, StrategyEventLog.FileName));
        var events = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Contains(events, e => e.GetProperty("kind").GetString() == "gap" && e.GetProperty("strategy").GetString() == "zz_gaps");
        Assert.All(events, e => Assert.Equal(["strategy", "time", "symbol", "kind", "detail"], e.EnumerateObject().Select(p => p.Name)));
        // Both strategies log the same moves, so each gap has its twin note; the count matches 01_aggregation.json.
        var aggregation = JsonDocument.Parse(Text(directory, "01_aggregation.json")).RootElement.GetProperty("strategies").EnumerateArray().Sum(s => s.GetProperty("events").GetInt32());
        Assert.Equal(aggregation, events.Count);
        Assert.Equal(events.Count(e => e.GetProperty("kind").GetString() == "gap"), events.Count(e => e.GetProperty("kind").GetString() == "note"));
        var keys = events.Select(e => (
            Time: DateTimeOffset.Parse(e.GetProperty("time").GetString()!, CultureInfo.InvariantCulture),
            Strategy: e.GetProperty("strategy").GetString()!,
            Symbol: e.GetProperty("symbol").GetString()!)).ToList();
        Assert.All(events, e => Assert.EndsWith("Z", e.GetProperty("time").GetString(), StringComparison.Ordinal));
        var sorted = keys.OrderBy(k => k.Time).ThenBy(k => k.Strategy, StringComparer.Ordinal).ThenBy(k => k.Symbol, StringComparer.Ordinal).ToList();
        Assert.Equal(sorted, keys);
        Assert.Contains($"| {StrategyEventLog.FileName} |", Text(directory, "INDEX.md"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tearsheet_charts_the_weights_held_bar_by_bar_not_one_static_row()
    {
        var (outcome, directory) = await RunAsync(TestSleeves.Definition([TestStrategy.FollowsYesterday()]));

        Assert.True(outcome.Succeeded, outcome.FailureReason);
        var rows = File.ReadAllLines(Path.Combine(directory, SleevePipeline.TearsheetDirectory, "weights.csv")).Skip(1).ToList();
        // One row per in-sample return (fewer than 500 here), dated like the returns; follows_yesterday is in and out of the market.
        Assert.Equal(outcome.Returns.Count, rows.Count);
        Assert.Equal(outcome.Dates, rows.Select(r => DateTimeOffset.Parse(r.Split(',')[0], CultureInfo.InvariantCulture)));
        Assert.True(rows.Select(r => r[(r.IndexOf(',', StringComparison.Ordinal) + 1)..]).Distinct().Count() > 2);
    }
}
