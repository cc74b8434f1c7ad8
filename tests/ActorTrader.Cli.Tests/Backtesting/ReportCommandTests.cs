namespace ActorTrader.Cli.Tests.Backtesting;

public sealed class ReportCommandTests : IDisposable
{
    private readonly ResearchCli _cli = new();

    public void Dispose() => _cli.Dispose();

    private async Task<string> BacktestRun()
    {
        var (output, _) = await _cli.ExpectAsync(ExitCodes.Ok, "backtest", "--strategy", "mean_reversion", "--from", "2019-01-01", "--to", "2019-06-30", "--json");
        return ResearchCli.ParseSingleObject(output).GetProperty("run_id").GetString()!;
    }

    [Fact]
    public async Task A_run_id_prints_its_index_and_its_summary()
    {
        var run = await BacktestRun();

        var (output, _) = await _cli.ExpectAsync(ExitCodes.Ok, "report", run);

        Assert.StartsWith($"# Run {run}", output, StringComparison.Ordinal);
        Assert.Contains("| Profile | mean_reversion |", output, StringComparison.Ordinal);
        Assert.Contains($"== {Path.Combine(_cli.RunDirectory(run), "summary.md")} ==", output, StringComparison.Ordinal);
        Assert.Contains("# Backtest mean", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Latest_is_the_newest_run()
    {
        var first = await BacktestRun();
        var second = await BacktestRun();
        // Run ids sort by start time; two runs in the same second are ordered by their random suffix.
        var newest = string.CompareOrdinal(first, second) > 0 ? first : second;

        var (output, _) = await _cli.ExpectAsync(ExitCodes.Ok, "report", "latest");

        Assert.StartsWith($"# Run {newest}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_index_is_rewritten_to_list_files_added_since()
    {
        var run = await BacktestRun();
        await File.WriteAllTextAsync(Path.Combine(_cli.RunDirectory(run), "notes.txt"), "added by hand");

        await _cli.ExpectAsync(ExitCodes.Ok, "report", run);

        var index = await File.ReadAllTextAsync(Path.Combine(_cli.RunDirectory(run), "INDEX.md"));
        Assert.Contains("| notes.txt |", index, StringComparison.Ordinal);
        Assert.Contains("| Profile | mean_reversion |", index, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_meta_run_prints_the_meta_report_as_its_summary()
    {
        var directory = Directory.CreateDirectory(Path.Combine(_cli.RunsDir, "20250102T030405Z-abcdef")).FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, "meta_portfolio_report.md"), "# Meta-portfolio\n\nStatus: FAIL\n");

        var (output, _) = await _cli.ExpectAsync(ExitCodes.Ok, "report", "20250102T030405Z-abcdef");

        Assert.Contains("| Profile | meta |", output, StringComparison.Ordinal);
        Assert.Contains("Status: FAIL", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_run_id_exits_1_naming_the_runs_dir_and_the_newest_runs()
    {
        foreach (var id in new[] { "20250101T000000Z-aaaaaa", "20250301T000000Z-cccccc", "20250201T000000Z-bbbbbb" })
            Directory.CreateDirectory(Path.Combine(_cli.RunsDir, id));

        var (exit, output, error) = await _cli.RunAsync("report", "20240101T000000Z-dddddd");

        Assert.Equal(ExitCodes.Problems, exit);
        Assert.Empty(output);
        Assert.Contains($"There is no run 20240101T000000Z-dddddd in {_cli.RunsDir}.", error, StringComparison.Ordinal);
        Assert.Contains("Newest runs: 20250301T000000Z-cccccc, 20250201T000000Z-bbbbbb, 20250101T000000Z-aaaaaa", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Latest_without_any_run_exits_1_saying_how_to_make_one()
    {
        var (exit, _, error) = await _cli.RunAsync("report", "latest");

        Assert.Equal(ExitCodes.Problems, exit);
        Assert.Contains("There is no latest run in " + _cli.RunsDir, error, StringComparison.Ordinal);
        Assert.Contains("actortrader backtest", error, StringComparison.Ordinal);
    }
}
