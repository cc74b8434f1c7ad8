using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ActorTrader.Data.Catalog;
using ActorTrader.Data.Lakehouse;
using ActorTrader.Domain.Calendar;

namespace ActorTrader.Cli.Tests.Data;

/// <summary>
/// <c>actortrader ingest</c> keeps the lakehouse's symbol catalog point-in-time, fetches a range the lakehouse lacks
/// even right after another write, and never mixes synthetic bars into a partition of real ones.
/// </summary>
public sealed class IngestCatalogAndProvenanceTests : IDisposable
{
    private const string Symbols = "NYSE:SYN00001,NYSE:SYN00002,NYSE:SYN00003";
    private readonly CliHarness _cli = new();

    public IngestCatalogAndProvenanceTests()
    {
        var csv = Directory.CreateDirectory(Path.Combine(_cli.Root, "csv")).FullName;
        WriteCsv(Path.Combine(csv, "REAL.csv"), new DateOnly(2023, 6, 1), new DateOnly(2023, 9, 1));
        _cli.Environment["ACTORTRADER_CONFIG"] = _cli.WriteCleanConfig($$"""data { ingestion.retry-backoff = 1ms, csv.dir = "{{csv}}" }""");
    }

    public void Dispose() => _cli.Dispose();

    private string Lakehouse => Path.Combine(_cli.DataDir, "lakehouse");

    private Task<(int ExitCode, string Out, string Error)> Ingest(string provider, string symbols, string start, string end, params string[] extra) =>
        _cli.RunAsync(["ingest", "--provider", provider, "--symbols", symbols, "--start", start, "--end", end, .. extra]);

    /// <summary>A long OHLCV table with one bar per NYSE session in [from, to), gently rising.</summary>
    private static void WriteCsv(string path, DateOnly from, DateOnly to)
    {
        var text = new StringBuilder("date,open,high,low,close,volume\n");
        var price = 50m;
        foreach (var session in MarketCalendars.Nyse.Sessions(from, to.AddDays(-1)))
        {
            text.Append(CultureInfo.InvariantCulture, $"{session.Date:yyyy-MM-dd},{price},{price + 1},{price - 1},{price + 0.5m},1000\n");
            price += 0.1m;
        }
        File.WriteAllText(path, text.ToString());
    }

    [Fact]
    public async Task Ingest_upserts_the_symbols_into_the_lakehouse_catalog()
    {
        var (exit, output, error) = await Ingest("synthetic", Symbols, "2023-01-01", "2024-01-01");
        Assert.True(exit == ExitCodes.Ok, output + error);
        Assert.Contains("catalog        3 new version(s), 0 updated in place, 0 unchanged", output, StringComparison.Ordinal);
        var catalog = new SymbolCatalog(new LakehouseLayout(Lakehouse));
        Assert.Equal(["NYSE:SYN00001", "NYSE:SYN00002", "NYSE:SYN00003"], catalog.AllAsOf(DateTimeOffset.UtcNow).Select(v => v.Symbol.ToString()));
        var saved = Regex.Match(output, "Summary saved to (.+)").Groups[1].Value.Trim();
        Assert.Equal(3, JsonNode.Parse(File.ReadAllText(saved))!["data"]!["catalog"]!["versions_added"]!.GetValue<int>());
    }

    [Fact]
    public async Task Ingesting_again_leaves_unchanged_metadata_unversioned()
    {
        await Ingest("synthetic", Symbols, "2023-01-01", "2024-01-01");
        var (exit, output, _) = await Ingest("synthetic", Symbols, "2023-01-01", "2024-01-01", "--freshness-hours", "0");
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("catalog        0 new version(s), 0 updated in place, 3 unchanged", output, StringComparison.Ordinal);
        var catalog = new SymbolCatalog(new LakehouseLayout(Lakehouse));
        Assert.Single(catalog.History(ActorTrader.Domain.Instruments.Symbol.Parse("NYSE:SYN00001")));
    }

    [Fact]
    public async Task An_unreadable_catalog_is_warned_about_and_the_bars_are_still_ingested()
    {
        Directory.CreateDirectory(Lakehouse);
        File.WriteAllText(Path.Combine(Lakehouse, "symbols.parquet"), "not a parquet file");
        var (exit, output, error) = await Ingest("synthetic", Symbols, "2023-01-01", "2024-01-01");
        Assert.True(exit == ExitCodes.Ok, output + error);
        Assert.Contains("symbol catalog", error, StringComparison.Ordinal);
        Assert.Contains("symbols.parquet", error, StringComparison.Ordinal);
        Assert.Contains("written        3 symbols", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_older_range_asked_right_after_a_newer_one_is_fetched_not_skipped_as_fresh()
    {
        await Ingest("synthetic", Symbols, "2023-01-01", "2024-01-01");
        var (exit, output, error) = await Ingest("synthetic", Symbols, "2019-01-01", "2020-01-01");
        Assert.True(exit == ExitCodes.Ok, output + error);
        Assert.Contains("skipped fresh  0", output, StringComparison.Ordinal);
        Assert.Contains("written        3 symbols", output, StringComparison.Ordinal);
        var (_, lakehouse, _) = await _cli.RunAsync("lakehouse", "info");
        Assert.Contains("NYSE:SYN00001          1Day  2019-01-02 .. 2023-12-29", lakehouse, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Synthetic_bars_are_refused_for_a_partition_of_real_csv_bars()
    {
        var (csvExit, csvOutput, csvError) = await Ingest("csv", "NYSE:REAL", "2023-06-01", "2023-09-01");
        Assert.True(csvExit == ExitCodes.Ok, csvOutput + csvError);
        var (exit, output, _) = await Ingest("synthetic", "NYSE:REAL", "2023-06-01", "2023-10-01");
        Assert.Equal(ExitCodes.Problems, exit);
        Assert.Contains("rejected NYSE:REAL [mixes-synthetic-and-real]: NYSE:REAL holds real csv bars; synthetic bars are never mixed in. Fix: use a separate lakehouse (actortrader.data.lakehouse-dir) or delete the partition", output, StringComparison.Ordinal);
        var (_, lakehouse, _) = await _cli.RunAsync("lakehouse", "info");
        Assert.DoesNotContain("(synthetic)", lakehouse, StringComparison.Ordinal);
    }
}
