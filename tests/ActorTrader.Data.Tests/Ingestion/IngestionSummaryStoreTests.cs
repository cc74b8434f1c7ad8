using System.Text.Json.Nodes;
using ActorTrader.Data.Ingestion;
using ActorTrader.Data.Runs;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Tests.Ingestion;

public sealed class IngestionSummaryStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"runs-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private static IngestionSummary Summary(string runId) => new(runId, "fake", "1Day", TestBars.Monday, TestBars.Monday.AddDays(7), TestBars.Monday, TimeSpan.FromSeconds(2),
        3, 2, [new SkippedSymbol(Symbol.Parse("NYSE:IBM"), "fresh")], [new SymbolRejection(Symbol.Parse("NASDAQ:BAD"), RejectionKind.ToxicReturn, "bar x")],
        [], [], 1, 10, 5, false);

    [Fact]
    public void The_summary_is_saved_as_ingest_summary_json_in_the_run_directory_with_meta_and_data()
    {
        var run = RunId.Create(TestBars.Monday, "abc123");
        var path = new IngestionSummaryStore(new RunArtifacts(_root)).Save(Summary(run.Value));
        Assert.Equal(Path.Combine(_root, run.Value, "ingest-summary.json"), path);
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Equal(run.Value, json["meta"]!["run_id"]!.GetValue<string>());
        Assert.Equal(5, json["data"]!["bars_written"]!.GetValue<long>());
        Assert.Equal("toxic-return", json["data"]!["rejected"]![0]!["kind"]!.GetValue<string>());
        Assert.Equal(run, new RunArtifacts(_root).Latest());
    }

    private static IngestionSummary WithCatalog(string runId, string? error = null) => Summary(runId) with
    {
        Catalog = new CatalogRefresh(TestBars.Monday, 2, 1, 3, [Symbol.Parse("NYSE:GONE")], ["NYSE:IBM: no session from the provider"], error),
    };

    [Fact]
    public void The_saved_summary_carries_the_catalog_refresh()
    {
        var run = RunId.Create(TestBars.Monday, "abc124");
        var path = new IngestionSummaryStore(new RunArtifacts(_root)).Save(WithCatalog(run.Value));
        var catalog = JsonNode.Parse(File.ReadAllText(path))!["data"]!["catalog"]!;
        Assert.Equal(2, catalog["versions_added"]!.GetValue<int>());
        Assert.Equal(3, catalog["unchanged"]!.GetValue<int>());
        Assert.Equal("NYSE:GONE", catalog["unknown_to_provider"]![0]!.GetValue<string>());
        Assert.True(catalog["refreshed"]!.GetValue<bool>());
        Assert.Null(catalog["error"]);
    }

    [Fact]
    public void A_summary_without_a_catalog_saves_catalog_as_null()
    {
        var json = IngestionSummaryJson.ToJson(Summary("r"));
        Assert.True(json["data"]!.AsObject().ContainsKey("catalog"));
        Assert.Null(json["data"]!["catalog"]);
    }

    [Fact]
    public void The_printed_summary_shows_the_catalog_counts_and_the_unknown_symbols()
    {
        var text = IngestionSummaryText.Format(WithCatalog("r"));
        Assert.Contains("catalog        2 new version(s), 1 updated in place, 3 unchanged", text, StringComparison.Ordinal);
        Assert.Contains("unknown to provider  1: NYSE:GONE", text, StringComparison.Ordinal);
        Assert.Contains("catalog note: NYSE:IBM: no session from the provider", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_printed_summary_shows_a_metadata_error()
    {
        var text = IngestionSummaryText.Format(WithCatalog("r", "alpaca failed 4 time(s)"));
        Assert.Contains("catalog        NOT refreshed: alpaca failed 4 time(s)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_id_that_is_not_one_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new IngestionSummaryStore(new RunArtifacts(_root)).Save(Summary("nope")));
    }

    [Fact]
    public void The_printed_summary_lists_each_rejection_with_its_reason()
    {
        var text = IngestionSummaryText.Format(Summary("r"));
        Assert.Contains("rejected NASDAQ:BAD [toxic-return]: bar x", text, StringComparison.Ordinal);
        Assert.Contains("skipped fresh  1", text, StringComparison.Ordinal);
    }
}
