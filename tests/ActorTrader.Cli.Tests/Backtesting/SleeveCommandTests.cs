namespace ActorTrader.Cli.Tests.Backtesting;

public sealed class SleeveCommandTests : IDisposable
{
    private readonly ResearchCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task A_healthy_sleeve_prints_its_run_and_top_weights()
    {
        var (output, _) = await _cli.ExpectAsync(ExitCodes.Ok, "sleeve", "run", "quick");

        Assert.Contains("Sleeve quick: OK", output, StringComparison.Ordinal);
        Assert.Contains("top weights: NYSE:SYN", output, StringComparison.Ordinal);
        Assert.Contains("directory " + _cli.RunsDir, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_is_one_object_whose_weights_sum_to_one_and_whose_directory_holds_them()
    {
        var (output, _) = await _cli.ExpectAsync(ExitCodes.Ok, "sleeve", "run", "quick", "--json");

        var outcome = ResearchCli.ParseSingleObject(output);
        Assert.True(outcome.GetProperty("succeeded").GetBoolean());
        var weights = outcome.GetProperty("asset_weights").EnumerateObject().Select(p => p.Value.GetDouble()).ToList();
        Assert.NotEmpty(weights);
        Assert.Equal(1.0, weights.Sum(), 1e-9);
        Assert.Equal("synthetic", outcome.GetProperty("data_source").GetString());
        Assert.True(outcome.GetProperty("synthetic_data").GetBoolean());
        Assert.True(File.Exists(Path.Combine(outcome.GetProperty("run_directory").GetString()!, "weights.json")));
    }

    [Fact]
    public async Task An_empty_selection_exits_1_with_the_stage_and_reason_and_the_report_is_written()
    {
        var (output, _) = await _cli.ExpectAsync(ExitCodes.Problems, "sleeve", "run", "impossible", "--json");

        var outcome = ResearchCli.ParseSingleObject(output);
        Assert.False(outcome.GetProperty("succeeded").GetBoolean());
        Assert.Equal("selection", outcome.GetProperty("failure_stage").GetString());
        Assert.Contains("empty universe after selection", outcome.GetProperty("failure_reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, outcome.GetProperty("excluded").GetArrayLength());
        var directory = outcome.GetProperty("run_directory").GetString()!;
        Assert.Contains("FAIL", File.ReadAllText(Path.Combine(directory, "sleeve_report.md")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(directory, "INDEX.md")));
    }

    [Fact]
    public async Task The_text_of_a_failed_sleeve_names_the_stage_and_why()
    {
        var (output, _) = await _cli.ExpectAsync(ExitCodes.Problems, "sleeve", "run", "impossible");

        Assert.Contains("Sleeve impossible: FAILED at stage selection", output, StringComparison.Ordinal);
        Assert.Contains("why: empty universe after selection", output, StringComparison.Ordinal);
        Assert.Contains("report: ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_sleeve_is_a_usage_error_with_the_closest_name()
    {
        var (exit, _, error) = await _cli.RunAsync("sleeve", "run", "impossibel");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("did you mean impossible?", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sleeve_file_with_an_unknown_engine_exits_1_naming_its_line()
    {
        _cli.WriteSleeve("typo", ResearchCli.QuickSleeve.Replace("selection { min-candidates = 1 }", "selection { min-candidates = 1 }\n  optimisation { engines = [hrpp] }", StringComparison.Ordinal));

        var (_, error) = await _cli.ExpectAsync(ExitCodes.Problems, "sleeve", "run", "typo");

        Assert.Contains(Path.Combine(_cli.SleevesDir, "typo.conf") + ":11:", error, StringComparison.Ordinal);
        Assert.Contains("Unknown optimisation engine \"hrpp\"; did you mean hrp?", error, StringComparison.Ordinal);
    }
}
