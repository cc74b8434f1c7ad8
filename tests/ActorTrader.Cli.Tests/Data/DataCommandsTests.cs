using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ActorTrader.Cli.Tests.Data;

/// <summary>scan, ingest, lakehouse info and features backfill in-process against a temp data directory and the synthetic provider.</summary>
public sealed partial class DataCommandsTests : IDisposable
{
    private const string Symbols = "NYSE:SYN00001,NYSE:SYN00002,NYSE:SYN00003";
    private readonly CliHarness _cli = new();

    public DataCommandsTests()
    {
        Directory.CreateDirectory(ScannersDir);
        _cli.Environment["ACTORTRADER_CONFIG"] = _cli.WriteCleanConfig("""data { scanners.dir = "scanners", ingestion.retry-backoff = 1ms }""");
    }

    public void Dispose() => _cli.Dispose();

    private string ScannersDir => Path.Combine(_cli.Root, "scanners");

    private void WriteScanner(string name, string body) => File.WriteAllText(Path.Combine(ScannersDir, name + ".conf"), body);

    private const string GoodScanner = """
        scanner {
          name = synthetic_liquid
          universe { provider = synthetic, symbols = ["NYSE:SYN00001", "NYSE:SYN00002", "NYSE:SYN00003", "NYSE:SYN00004"] }
          filters { price { min = 0.01 } }
        }
        """;

    [GeneratedRegex(@"run (\S+) ->")]
    private static partial Regex RunLine();

    private Task<(int ExitCode, string Out, string Error)> Ingest(params string[] extra) =>
        _cli.RunAsync(["ingest", "--provider", "synthetic", "--symbols", Symbols, "--start", "2023-01-01", "--end", "2024-01-01", .. extra]);

    [Fact]
    public async Task Scan_lint_reports_each_problem_with_its_position_and_fetches_nothing()
    {
        WriteScanner("bad", "scanner {\n  name = bad\n  universe { symbols = [\"NYSE:SYN00001\"] }\n  filters { price { min = 10, max = 1 } }\n}\n");
        var (exit, output, _) = await _cli.RunAsync("scan");
        Assert.Equal(ExitCodes.Problems, exit);
        Assert.Contains(Path.Combine(ScannersDir, "bad.conf") + ":4:", output, StringComparison.Ordinal);
        Assert.Contains("nothing was fetched", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_cli.DataDir, "export")));
    }

    [Fact]
    public async Task Scan_lint_of_good_scanners_exits_zero()
    {
        WriteScanner("good", GoodScanner);
        var (exit, output, _) = await _cli.RunAsync("scan", "--lint");
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("1 scanner file(s) have no problems", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_writes_candidates_json_that_ingest_from_scan_reads()
    {
        WriteScanner("good", GoodScanner);
        var (exit, output, error) = await _cli.RunAsync("scan");
        Assert.True(exit == ExitCodes.Ok, output + error);
        var run = RunLine().Match(output).Groups[1].Value;
        var candidates = JsonNode.Parse(File.ReadAllText(Path.Combine(_cli.DataDir, "export", run, "candidates.json")))!;
        Assert.Equal("candidates", candidates["meta"]!["kind"]!.GetValue<string>());
        Assert.Equal(4, candidates["data"]!.AsArray().Count);

        var (ingestExit, ingestOutput, ingestError) = await _cli.RunAsync("ingest", "--provider", "synthetic", "--from-scan", run, "--start", "2023-06-01", "--end", "2023-09-01");
        Assert.True(ingestExit == ExitCodes.Ok, ingestOutput + ingestError);
        Assert.Contains("written        4 symbols", ingestOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_writes_the_bars_prints_the_summary_and_saves_it()
    {
        var (exit, output, error) = await Ingest();
        Assert.True(exit == ExitCodes.Ok, output + error);
        Assert.Contains("written        3 symbols", output, StringComparison.Ordinal);
        var saved = Regex.Match(output, "Summary saved to (.+)").Groups[1].Value.Trim();
        var summary = JsonNode.Parse(File.ReadAllText(saved))!;
        Assert.Equal(3, summary["data"]!["written_symbols"]!.GetValue<int>());
        Assert.True(summary["data"]!["bars_written"]!.GetValue<long>() > 3 * 200);
    }

    [Fact]
    public async Task Ingesting_again_writes_nothing_new()
    {
        await Ingest();
        var (exit, output, _) = await Ingest("--freshness-hours", "0");
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains(", 0 new bars", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingesting_again_within_the_freshness_window_skips_every_symbol()
    {
        await Ingest();
        var (_, output, _) = await Ingest();
        Assert.Contains("skipped fresh  3", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_without_symbols_is_a_usage_error()
    {
        var (exit, _, error) = await _cli.RunAsync("ingest", "--provider", "synthetic");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--symbols", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_with_a_malformed_symbol_names_it()
    {
        var (exit, _, error) = await _cli.RunAsync("ingest", "--symbols", "AAPL");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("\"AAPL\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_from_an_unknown_scan_run_says_how_to_get_one()
    {
        var (exit, _, error) = await _cli.RunAsync("ingest", "--from-scan", "20260105T143000Z-abcdef");
        Assert.Equal(ExitCodes.Problems, exit);
        Assert.Contains("actortrader scan", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lakehouse_info_lists_symbols_ranges_sizes_and_health()
    {
        await Ingest();
        var (exit, output, _) = await _cli.RunAsync("lakehouse", "info");
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("NYSE:SYN00002", output, StringComparison.Ordinal);
        Assert.Contains("2023-01-03", output, StringComparison.Ordinal);
        Assert.Contains("3 symbol(s), 3 partition(s)", output, StringComparison.Ordinal);
        Assert.Contains("0 not healthy", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lakehouse_info_of_an_empty_lakehouse_says_so()
    {
        var (exit, output, _) = await _cli.RunAsync("lakehouse", "info");
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("no partitions yet", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Features_backfill_writes_the_feature_matrix()
    {
        await Ingest();
        var (exit, output, error) = await _cli.RunAsync("features", "backfill");
        Assert.True(exit == ExitCodes.Ok, output + error);
        Assert.True(File.Exists(Path.Combine(_cli.DataDir, "lakehouse", "features_matrix.parquet")));
        Assert.Contains("3 symbol(s)", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_cli.DataDir, "lakehouse", "timeseries_features.parquet")));
        Assert.Contains("timeseries_features.parquet: 3 symbol(s)", output, StringComparison.Ordinal);
    }
}
