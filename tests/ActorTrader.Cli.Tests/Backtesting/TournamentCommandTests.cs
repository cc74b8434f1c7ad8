using System.Text.Json;

namespace ActorTrader.Cli.Tests.Backtesting;

public sealed class TournamentCommandTests : IDisposable
{
    // A year of daily bars: more than the 126-bar lookback each engine re-optimises on.
    private static readonly string[] Window = ["--from", "2019-01-01", "--to", "2019-12-31"];

    private readonly ResearchCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Every_engine_is_a_row_of_the_report_even_one_that_fails()
    {
        // No portfolio of these stocks is this calm, so efficient-risk cannot meet its target and fails.
        using var cli = new ResearchCli("backtest.tournament.target-volatility = 0.0001");
        var (output, _) = await cli.ExpectAsync(ExitCodes.Ok, ["tournament", "--engines", "hrp,efficient-risk,equal", "--json", .. Window]);

        using var report = JsonDocument.Parse(output);
        var cells = report.RootElement.GetProperty("cells").EnumerateArray().ToList();
        Assert.Equal(["hrp", "efficient-risk", "equal"], cells.Select(c => c.GetProperty("engine").GetString()));
        Assert.All(cells, c => Assert.Equal("universe", c.GetProperty("profile").GetString()));
        Assert.Equal(JsonValueKind.Null, cells[0].GetProperty("error").ValueKind);
        Assert.Contains("efficient-risk", cells[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Object, cells[2].GetProperty("realised").ValueKind);
    }

    [Fact]
    public async Task Efficient_risk_and_efficient_return_get_the_configured_targets()
    {
        var (output, _) = await _cli.ExpectAsync(ExitCodes.Ok, ["tournament", "--engines", "efficient-risk,efficient-return", "--json", .. Window]);

        using var report = JsonDocument.Parse(output);
        Assert.Equal(0.15, report.RootElement.GetProperty("target_volatility").GetDouble());
        Assert.Equal(0.10, report.RootElement.GetProperty("target_return").GetDouble());
        Assert.All(report.RootElement.GetProperty("cells").EnumerateArray(), c => Assert.Equal(JsonValueKind.Null, c.GetProperty("error").ValueKind));
    }

    [Fact]
    public async Task The_report_is_written_as_markdown_and_json_with_an_index()
    {
        var (output, _) = await _cli.ExpectAsync(ExitCodes.Ok, ["tournament", "--engines", "min-vol", "--json", .. Window]);

        using var report = JsonDocument.Parse(output);
        var directory = _cli.RunDirectory(report.RootElement.GetProperty("run_id").GetString()!);
        Assert.Equal(output, File.ReadAllText(Path.Combine(directory, "tournament_report.json")));
        Assert.Contains("| min-vol | universe |", File.ReadAllText(Path.Combine(directory, "tournament_report.md")), StringComparison.Ordinal);
        Assert.Contains("| Profile | tournament |", File.ReadAllText(Path.Combine(directory, "INDEX.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Strategies_become_profiles_whose_picks_the_engines_allocate_among()
    {
        var (output, _) = await _cli.ExpectAsync(ExitCodes.Ok, ["tournament", "--strategies", "mean_reversion", "--engines", "equal,hrp", .. Window]);

        Assert.Contains("| equal | mean_reversion |", output, StringComparison.Ordinal);
        Assert.Contains("| hrp | mean_reversion |", output, StringComparison.Ordinal);
        Assert.DoesNotContain("| universe |", output, StringComparison.Ordinal);
        Assert.Contains("Run directory: " + _cli.RunsDir, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_engine_is_a_usage_error_with_the_closest_name()
    {
        var (exit, _, error) = await _cli.RunAsync("tournament", "--engines", "hrp,min-volume");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("Unknown engine \"min-volume\"; did you mean min-vol?", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_strategy_is_a_usage_error_with_the_closest_name()
    {
        var (exit, _, error) = await _cli.RunAsync("tournament", "--strategies", "trend_folowing");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("did you mean trend_following?", error, StringComparison.Ordinal);
    }
}
