using ActorTrader.Backtest.Reports;

namespace ActorTrader.Backtest.Tests.Reports;

public class ReportFileTests
{
    [Fact]
    public void Invalid_input_fails_before_any_existing_report_file_is_touched()
    {
        using var dir = new TempDirectory();
        var writer = new TearsheetWriter();
        writer.Write(ReportTestData.Known(), dir.Path);
        var before = Directory.GetFiles(dir.Path).ToDictionary(f => f, File.ReadAllBytes);

        var bad = ReportTestData.Known() with { Returns = [0.01, double.NaN, 0.0, 0.0, 0.0] };
        Assert.Throws<ArgumentException>(() => writer.Write(bad, dir.Path));

        foreach (var (path, bytes) in before) Assert.Equal(bytes, File.ReadAllBytes(path));
    }

    [Fact]
    public void Rewrite_replaces_the_file_and_leaves_no_temp_file()
    {
        using var dir = new TempDirectory();
        var path = dir.File("report.md");

        ReportFile.WriteText(path, "first version, longer than the second\n");
        ReportFile.WriteText(path, "second\n");

        Assert.Equal("second\n", File.ReadAllText(path));
        Assert.Equal(["report.md"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Failed_write_removes_its_temp_file_and_keeps_the_old_content()
    {
        using var dir = new TempDirectory();
        var target = dir.File("taken");
        // A directory in the way makes the final rename fail after the temp file was written.
        Directory.CreateDirectory(target);

        Assert.ThrowsAny<IOException>(() => ReportFile.WriteText(target, "content"));

        Assert.Empty(Directory.GetFiles(dir.Path));
        Assert.True(Directory.Exists(target));
    }
}
