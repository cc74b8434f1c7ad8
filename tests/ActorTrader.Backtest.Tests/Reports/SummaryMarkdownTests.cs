using ActorTrader.Backtest.Reports;

namespace ActorTrader.Backtest.Tests.Reports;

public class SummaryMarkdownTests
{
    private static string WriteSummary(TearsheetData data)
    {
        using var dir = new TempDirectory();
        return File.ReadAllText(new TearsheetWriter().Write(data, dir.Path).Summary);
    }

    [Fact]
    public void Summary_shows_the_hand_computed_total_return_and_max_drawdown()
    {
        var md = WriteSummary(ReportTestData.Known());

        Assert.Contains("| Total return | 14.95% |", md, StringComparison.Ordinal);
        Assert.Contains("| Max drawdown | 20.00% |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_and_html_show_the_same_statistics()
    {
        var data = ReportTestData.Rich();
        using var dir = new TempDirectory();
        var output = new TearsheetWriter().Write(data, dir.Path);
        var md = File.ReadAllText(output.Summary);
        var page = Xhtml.Parse(File.ReadAllText(output.Html));

        foreach (var item in output.Statistics.Items)
        {
            var shown = Xhtml.StatRow(page, item.Key).Element("td")!.Value;
            Assert.Contains($"| {MarkdownTable.EscapeCell(item.Label)} | {shown} |", md, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Monthly_table_puts_a_month_in_its_column()
    {
        DateTimeOffset[] dates = [new(2024, 1, 10, 0, 0, 0, TimeSpan.Zero), new(2024, 3, 10, 0, 0, 0, TimeSpan.Zero), new(2024, 3, 20, 0, 0, 0, TimeSpan.Zero), new(2025, 2, 10, 0, 0, 0, TimeSpan.Zero)];
        var data = ReportTestData.Known() with { Dates = dates, Returns = [0.01, 0.10, 0.10, -0.02] };

        var md = WriteSummary(data);

        // Year | Jan | Feb | Mar | … : March compounds to 21%.
        Assert.Contains("| 2024 | 1.00% |  | 21.00% |", md, StringComparison.Ordinal);
        Assert.Contains("| 2025 |  | -2.00% |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_names_the_profile_and_run_and_escapes_markdown()
    {
        var md = WriteSummary(ReportTestData.Known("Title with *stars* | pipe", "profile_<x>"));

        Assert.StartsWith("# Title with \\*stars\\* \\| pipe\n", md, StringComparison.Ordinal);
        Assert.Contains("- Profile: profile\\_&lt;x>", md, StringComparison.Ordinal);
        Assert.Contains("- Run id: 20240102T000000Z-abcdef", md, StringComparison.Ordinal);
    }
}
