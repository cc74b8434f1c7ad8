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
