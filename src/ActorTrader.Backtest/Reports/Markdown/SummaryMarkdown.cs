using System.Text;

namespace ActorTrader.Backtest.Reports;

/// <summary><c>summary.md</c>: run identity, the statistics table, the max-drawdown sentence, monthly returns and notes.</summary>
internal static class SummaryMarkdown
{
    public static string Render(TearsheetData data, TearsheetStatistics stats)
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(MarkdownText.Escape(data.Title)).Append("\n\n");
        sb.Append("- Profile: ").Append(MarkdownText.Escape(data.Profile)).Append('\n');
        sb.Append("- Run id: ").Append(MarkdownText.Escape(data.RunId)).Append('\n');
        sb.Append("- Period: ").Append(MarkdownText.Escape(ReportText.Period(data, stats))).Append('\n');
        if (data.BenchmarkReturns is not null) sb.Append("- Benchmark: ").Append(MarkdownText.Escape(data.BenchmarkName)).Append('\n');
        sb.Append('\n');

        sb.Append("## Statistics\n\n");
        var table = new MarkdownTable(["Statistic", "Value"], [MarkdownAlignment.Left, MarkdownAlignment.Right]);
        foreach (var item in stats.Items) table.AddRow(item.Label, ReportFormat.Display(item));
        sb.Append(table.Render()).Append('\n');
        sb.Append(MarkdownText.Escape(ReportText.MaxDrawdown(stats))).Append("\n\n");

        sb.Append("## Monthly returns (UTC)\n\n");
        var monthly = new MarkdownTable(
            ["Year", .. ReportText.MonthNames, "Year total"],
            [.. Enumerable.Repeat(MarkdownAlignment.Right, ReportText.MonthNames.Length + 2)]);
        foreach (var year in stats.Monthly.Years)
        {
            var cells = new List<string> { ReportFormat.Integer(year.Year) };
            for (var month = 1; month <= 12; month++)
                cells.Add(stats.Monthly.At(year.Year, month) is { } r ? ReportFormat.Percent(r) : "");
            cells.Add(ReportFormat.Percent(year.Return));
            monthly.AddRow([.. cells]);
        }
        sb.Append(monthly.Render()).Append('\n');

        if (data.Notes.Count > 0)
        {
            sb.Append("## Notes\n\n");
            var notes = new MarkdownTable(["Key", "Value"]);
            foreach (var (key, value) in data.Notes.OrderBy(n => n.Key, StringComparer.Ordinal)) notes.AddRow(key, value);
            sb.Append(notes.Render()).Append('\n');
        }

        sb.Append("Charts: tearsheet.html. Data: returns.csv")
          .Append(data.Weights is null ? "" : ", weights.csv")
          .Append(", statistics.json.\n");
        return sb.ToString();
    }
}
