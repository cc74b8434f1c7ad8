using ActorTrader.Backtest.Reports;

namespace ActorTrader.Backtest.Tests.Reports;

public class RunIndexWriterTests
{
    private static readonly RunIndexHeader Header = new("core_us", "20261121T203000Z-3f9a1c", new DateTimeOffset(2026, 11, 21, 15, 30, 0, TimeSpan.FromHours(-5)));

    [Fact]
    public void Index_names_the_profile_run_id_and_utc_start()
    {
        using var dir = new TempDirectory();

        var text = File.ReadAllText(new RunIndexWriter().Write(dir.Path, Header));

        Assert.StartsWith("# Run 20261121T203000Z-3f9a1c\n", text, StringComparison.Ordinal);
        Assert.Contains("| Profile | core_us |", text, StringComparison.Ordinal);
        Assert.Contains("| Run id | 20261121T203000Z-3f9a1c |", text, StringComparison.Ordinal);
        Assert.Contains("| Started (UTC) | 2026-11-21T20:30:00Z |", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Index_lists_every_file_sorted_with_size_and_known_description()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("weights.json"), "{}");
        File.WriteAllText(dir.File("directional_sign_test.json"), "[1,2,3]");
        Directory.CreateDirectory(dir.File("stages"));
        File.WriteAllText(Path.Combine(dir.Path, "stages", "custom.bin"), "12345");

        var text = File.ReadAllText(new RunIndexWriter().Write(dir.Path, Header));

        var artifacts = text[text.IndexOf("## Artifacts", StringComparison.Ordinal)..];
        var rows = artifacts.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Skip(1).ToList();
        Assert.Equal(
        [
            "| directional_sign_test.json | 7 | " + ArtifactDescriptions.Known["directional_sign_test.json"] + " |",
            "| stages/custom.bin | 5 |  |",
            "| weights.json | 2 | " + ArtifactDescriptions.Known["weights.json"] + " |",
        ], rows);
    }

    [Fact]
    public void Index_lists_a_tearsheets_files()
    {
        using var dir = new TempDirectory();
        new TearsheetWriter().Write(ReportTestData.Rich(), dir.Path);

        var entries = new RunIndexWriter().List(dir.Path);

        Assert.Equal(["returns.csv", "statistics.json", "summary.md", "tearsheet.html", "weights.csv"], entries.Select(e => e.RelativePath));
        Assert.All(entries, e => Assert.False(string.IsNullOrEmpty(e.Description)));
        Assert.All(entries, e => Assert.Equal(new FileInfo(dir.File(e.RelativePath)).Length, e.SizeBytes));
    }

    [Fact]
    public void Rewriting_over_the_same_files_gives_the_same_bytes()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("weights.json"), "{}");
        var writer = new RunIndexWriter();

        var first = File.ReadAllBytes(writer.Write(dir.Path, Header));
        var second = File.ReadAllBytes(writer.Write(dir.Path, Header));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Rewriting_after_a_new_artifact_adds_it()
    {
        using var dir = new TempDirectory();
        var writer = new RunIndexWriter();
        writer.Write(dir.Path, Header);

        File.WriteAllText(dir.File("meta_portfolio_report.md"), "# FAIL\n");
        var text = File.ReadAllText(writer.Write(dir.Path, Header));

        Assert.Contains("| meta_portfolio_report.md | 7 |", text, StringComparison.Ordinal);
        Assert.DoesNotContain("No artifact files yet", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Hidden_temp_files_and_the_index_itself_are_not_listed()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File(".weights.json.0123.tmp"), "partial");
        File.WriteAllText(dir.File("weights.json"), "{}");
        var writer = new RunIndexWriter();
        writer.Write(dir.Path, Header);

        var entries = writer.List(dir.Path);

        Assert.Equal(["weights.json"], entries.Select(e => e.RelativePath));
    }

    [Fact]
    public void Caller_descriptions_win_over_the_known_ones()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("weights.json"), "{}");
        File.WriteAllText(dir.File("selection_audit.json"), "{}");
        var extra = new Dictionary<string, string> { ["weights.json"] = "Sleeve weights.", ["selection_audit.json"] = "Threshold relaxation levels." };

        var entries = new RunIndexWriter(extra).List(dir.Path);

        Assert.Equal(["Threshold relaxation levels.", "Sleeve weights."], entries.Select(e => e.Description));
    }

    [Fact]
    public void Missing_run_directory_is_named()
    {
        var missing = Path.Combine(Path.GetTempPath(), "actortrader-no-such-run-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<DirectoryNotFoundException>(() => new RunIndexWriter().Write(missing, Header));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_profile_is_refused()
    {
        using var dir = new TempDirectory();

        var error = Assert.Throws<ArgumentException>(() => new RunIndexWriter().Write(dir.Path, Header with { Profile = "" }));

        Assert.Contains("Profile is empty", error.Message, StringComparison.Ordinal);
    }
}
