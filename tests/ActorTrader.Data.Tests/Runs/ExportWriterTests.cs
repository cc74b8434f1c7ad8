using System.Text.Json;
using ActorTrader.Data.Runs;
using ActorTrader.Data.Tests.Lakehouse.Support;

namespace ActorTrader.Data.Tests.Runs;

public sealed class ExportWriterTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 20, 30, 5, TimeSpan.Zero);
    private static readonly RunId Run = RunId.Create(new DateTimeOffset(2026, 11, 21, 20, 30, 0, TimeSpan.Zero), "0a1b2c");
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private ExportWriter Writer => new(Path.Combine(_directory.Path, "export"), new FixedClock(Now));

    private sealed record Candidate(string Symbol, double Score, int DaysListed);

    [Fact]
    public void An_export_is_a_meta_and_data_object_in_the_run_directory()
    {
        var path = Writer.Write(Run, "candidates", new ExportMeta("candidates", "momentum-scanner", Synthetic: true), new[] { new Candidate("NASDAQ:AAPL", 0.75, 1200) });

        Assert.Equal(Path.Combine(_directory.Path, "export", Run.Value, "candidates.json"), path);
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = json.RootElement;
        Assert.Equal(["meta", "data"], root.EnumerateObject().Select(p => p.Name));
        var meta = root.GetProperty("meta");
        Assert.Equal(Run.Value, meta.GetProperty("run_id").GetString());
        Assert.Equal("2026-11-21T20:30:05.0000000Z", meta.GetProperty("created_at").GetString());
        Assert.Equal("candidates", meta.GetProperty("kind").GetString());
        Assert.Equal("momentum-scanner", meta.GetProperty("source").GetString());
        Assert.True(meta.GetProperty("synthetic").GetBoolean());
        var candidate = Assert.Single(root.GetProperty("data").EnumerateArray());
        Assert.Equal("NASDAQ:AAPL", candidate.GetProperty("symbol").GetString());
        Assert.Equal(1200, candidate.GetProperty("days_listed").GetInt32());
    }

    [Fact]
    public void Extra_meta_fields_are_added_beside_the_standard_ones()
    {
        var path = Writer.Write(Run, "universe", new ExportMeta("universe", "csv", false, new Dictionary<string, object?> { ["symbols"] = 3, ["filter"] = "adv>1M" }), new { Count = 3 });

        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        var meta = json.RootElement.GetProperty("meta");
        Assert.Equal(3, meta.GetProperty("symbols").GetInt32());
        Assert.Equal("adv>1M", meta.GetProperty("filter").GetString());
    }

    [Fact]
    public void An_extra_field_cannot_overwrite_a_standard_one()
    {
        Assert.Throws<ArgumentException>(() => Writer.Write(Run, "x", new ExportMeta("k", "s", false, new Dictionary<string, object?> { ["run_id"] = "other" }), 1));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData(".hidden")]
    [InlineData("")]
    public void A_name_that_is_not_a_plain_file_name_is_rejected(string name)
    {
        Assert.ThrowsAny<ArgumentException>(() => Writer.Write(Run, name, new ExportMeta("k", "s", false), 1));
    }

    [Fact]
    public void Rewriting_an_export_replaces_it_and_leaves_no_temporary_files()
    {
        var writer = Writer;
        writer.Write(Run, "candidates", new ExportMeta("candidates", "a", false), 1);

        var path = writer.Write(Run, "candidates", new ExportMeta("candidates", "b", false), 2);

        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        Assert.Equal(2, json.RootElement.GetProperty("data").GetInt32());
        Assert.Equal(["candidates.json"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
