using System.Text.Json;

namespace ActorTrader.Cli.Tests.Backtesting;

/// <summary>
/// backtest --strategy with the universe of actortrader.backtest.walk-forward.universe: the features matrix written by
/// ingest + features backfill (synthetic provider, three symbols, one year), or none.
/// </summary>
public sealed class BacktestUniverseTests : IDisposable
{
    private const string Symbols = "NYSE:SYN00001,NYSE:SYN00002,NYSE:SYN00003";
    private static readonly string[] Lakehouse = ["--symbols", Symbols, "--source", "lakehouse", "--from", "2023-01-01", "--to", "2023-12-31"];

    private ResearchCli? _cli;

    public void Dispose() => _cli?.Dispose();

    private ResearchCli Cli(string universe) =>
        _cli = new ResearchCli($"backtest.walk-forward {{ train-bars = 40, test-bars = 20, step-bars = 20, universe {{ {universe} }} }}");

    private static async Task IngestAndBackfill(ResearchCli cli)
    {
        await cli.ExpectAsync(ExitCodes.Ok, "ingest", "--provider", "synthetic", "--symbols", Symbols, "--start", "2023-01-01", "--end", "2024-01-01");
        await cli.ExpectAsync(ExitCodes.Ok, "features", "backfill");
    }

    private static JsonElement Universe(ResearchCli cli, string output)
    {
        var runId = ResearchCli.ParseSingleObject(output).GetProperty("run_id").GetString()!;
        using var run = JsonDocument.Parse(File.ReadAllText(Path.Combine(cli.RunDirectory(runId), "backtest_run.json")));
        return run.RootElement.GetProperty("universe").Clone();
    }

    [Fact]
    public async Task Walk_forward_on_the_lakehouse_names_the_features_universe_filtered_as_of_each_rebalance()
    {
        var cli = Cli("min-history = 20");
        await IngestAndBackfill(cli);

        var (output, _) = await cli.ExpectAsync(ExitCodes.Ok, ["backtest", "--strategy", "mean_reversion", "--walk-forward", "--json", .. Lakehouse]);

        var universe = Universe(cli, output);
        Assert.Equal("features", universe.GetProperty("source").GetString());
        Assert.Equal("features_matrix.parquet as of each rebalance: min-history 20, min-rating off, min-close 1", universe.GetProperty("description").GetString());
        Assert.Equal(0, universe.GetProperty("missing_symbols").GetArrayLength());
        // Point in time: on the first bar no symbol has 20 rows yet; by the last all three have.
        var allowed = universe.GetProperty("allowed_per_decision").EnumerateArray().Select(d => d.GetProperty("allowed").GetInt32()).ToList();
        Assert.Equal(0, allowed[0]);
        Assert.Equal(3, allowed[^1]);
        Assert.Equal(19, allowed.TakeWhile(a => a == 0).Count());
    }

    [Fact]
    public async Task The_printed_summary_names_the_universe_and_the_symbols_missing_from_the_matrix()
    {
        var cli = Cli("min-history = 20");
        await IngestAndBackfill(cli);

        // SYN00004 reaches the lakehouse only after the backfill, so the matrix lacks it.
        await cli.ExpectAsync(ExitCodes.Ok, "ingest", "--provider", "synthetic", "--symbols", "NYSE:SYN00004", "--start", "2023-01-01", "--end", "2024-01-01");
        var (output, _) = await cli.ExpectAsync(ExitCodes.Ok,
            "backtest", "--strategy", "mean_reversion", "--symbols", Symbols + ",NYSE:SYN00004", "--source", "lakehouse", "--from", "2023-01-01", "--to", "2023-12-31");

        Assert.Contains("universe: features_matrix.parquet as of each rebalance: min-history 20, min-rating off, min-close 1; 3 of 4 symbols in the matrix (missing, never held: NYSE:SYN00004)",
            output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Features_source_without_a_matrix_stops_naming_the_file_and_the_commands_that_write_it()
    {
        var cli = Cli("source = features");

        var (_, error) = await cli.ExpectAsync(ExitCodes.Problems, "backtest", "--strategy", "mean_reversion", "--walk-forward", "--from", "2019-01-01", "--to", "2019-06-30");

        Assert.Contains("features_matrix.parquet does not exist", error, StringComparison.Ordinal);
        Assert.Contains("`actortrader ingest`", error, StringComparison.Ordinal);
        Assert.Contains("`actortrader features backfill`", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auto_source_without_a_matrix_runs_on_the_fixed_symbol_list_and_says_so()
    {
        var cli = Cli("source = auto");

        var (output, _) = await cli.ExpectAsync(ExitCodes.Ok, "backtest", "--strategy", "mean_reversion", "--walk-forward", "--json", "--from", "2019-01-01", "--to", "2019-06-30");

        var universe = Universe(cli, output);
        Assert.Equal("none", universe.GetProperty("source").GetString());
        Assert.StartsWith("none: fixed symbol list", universe.GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
