using System.Text;

namespace ActorTrader.Backtest.Reports;

/// <summary>
/// <c>tearsheet.html</c>: one self-contained page (inline CSS and SVG; no scripts, no links, no fonts or images from
/// elsewhere) with the statistics table, equity curve, drawdown, rolling Sharpe, monthly heat map, weights and notes.
/// Written as XHTML-compatible HTML (every element closed, only XML entities) so tools can parse it as XML.
/// </summary>
internal static class TearsheetHtml
{
    // Kept free of '<' and '&' so the style block is also valid XML character data.
    private const string Style = """
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b; margin: 24px auto; max-width: 1000px; padding: 0 16px; }
        h1 { font-size: 1.6em; margin-bottom: 4px; }
        h2 { font-size: 1.15em; margin-top: 28px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
        p.meta { color: #555; margin-top: 0; }
        table { border-collapse: collapse; font-size: 0.9em; }
        th, td { padding: 3px 8px; border: 1px solid #e2e2e2; }
        th { text-align: left; background: #f6f6f6; font-weight: 600; }
        table.stats td, table.heatmap td { text-align: right; font-variant-numeric: tabular-nums; }
        table.heatmap td.empty { background: #fafafa; }
        table.heatmap td.year { font-weight: 600; }
        svg.chart { display: block; max-width: 100%; height: auto; font-size: 11px; }
        svg.chart .grid line { stroke: #e6e6e6; stroke-width: 1; }
        svg.chart .grid text, svg.chart .dates text { fill: #555; }
        svg.chart line.zero { stroke: #777; stroke-width: 1; }
        svg.chart path.line { fill: none; stroke-width: 1.5; }
        svg.chart path.area { opacity: 0.25; stroke: none; }
        svg.chart text.empty { fill: #777; font-size: 14px; }
        footer { margin-top: 32px; color: #888; font-size: 0.8em; }
        """;

    public static string Render(TearsheetData data, TearsheetStatistics stats, TearsheetSeries series, TearsheetOptions options)
    {
        var sb = new StringBuilder(64 * 1024);
        var title = HtmlText.Escape(data.Title);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
          .Append("<title>").Append(title).Append("</title>\n<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n");

        sb.Append("<header>\n<h1>").Append(title).Append("</h1>\n<p class=\"meta\">Profile <strong class=\"profile\">").Append(HtmlText.Escape(data.Profile))
          .Append("</strong> · run <code class=\"run-id\">").Append(HtmlText.Escape(data.RunId)).Append("</code> · ")
          .Append(HtmlText.Escape(ReportText.Period(data, stats)));
        if (data.BenchmarkReturns is not null) sb.Append(" · benchmark ").Append(HtmlText.Escape(data.BenchmarkName));
        sb.Append("</p>\n</header>\n");

        Statistics(sb, stats);

        (DateTimeOffset, DateTimeOffset) span = (data.Dates[0], data.Dates[^1]);
        Section(sb, "equity", "Equity curve (start = 1)");
        var equityLines = new List<ChartLine> { new("Portfolio", data.Dates, series.Equity, Palette.Portfolio) };
        if (series.BenchmarkEquity is { } benchEquity) equityLines.Add(new(data.BenchmarkName, data.Dates, benchEquity, Palette.Benchmark));
        SvgLineChart.Render(sb, new ChartSpec("equity-chart", "Equity curve", AxisFormat.Number, equityLines, ZeroLine: false, "No returns.", span));
        sb.Append("</section>\n");

        Section(sb, "drawdown", "Drawdown (underwater)");
        var underwater = series.Drawdown.Select(d => d == 0 ? 0 : -d).ToArray();
        SvgLineChart.Render(sb, new ChartSpec("drawdown-chart", "Drawdown below the running peak", AxisFormat.Percent,
            [new ChartLine("Drawdown", data.Dates, underwater, Palette.Drawdown, FillToZero: true)], ZeroLine: true, "No returns.", span));
        sb.Append("</section>\n");

        var window = ReportFormat.Integer(options.RollingSharpeWindow);
        Section(sb, "rolling-sharpe", $"Rolling Sharpe ratio ({window} periods, annualised)");
        SvgLineChart.Render(sb, new ChartSpec("rolling-sharpe-chart", $"Rolling Sharpe ratio over {window} periods", AxisFormat.Number,
            [new ChartLine("Rolling Sharpe", data.Dates, series.RollingSharpe, Palette.Sharpe)], ZeroLine: true,
            $"Fewer than {window} periods (or no variation in any window): no rolling Sharpe to draw.", span));
        sb.Append("</section>\n");

        Section(sb, "monthly-returns", "Monthly returns (UTC calendar months)");
        MonthlyHeatMap.Render(sb, stats.Monthly);
        sb.Append("</section>\n");

        Section(sb, "weights", "Weights over time");
        var weightLines = data.Weights is { } w ? WeightsChartLines.Of(w, options.TopAssets) : [];
        SvgLineChart.Render(sb, new ChartSpec("weights-chart", "Signed asset weights over time", AxisFormat.Percent, weightLines,
            ZeroLine: true, "No weights were supplied for this run.", span));
        sb.Append("</section>\n");

        if (data.Notes.Count > 0)
        {
            Section(sb, "notes", "Notes");
            sb.Append("<table class=\"notes\">\n<tbody>\n");
            foreach (var (key, value) in data.Notes.OrderBy(n => n.Key, StringComparer.Ordinal))
                sb.Append("<tr><th>").Append(HtmlText.Escape(key)).Append("</th><td>").Append(HtmlText.Escape(value)).Append("</td></tr>\n");
            sb.Append("</tbody>\n</table>\n</section>\n");
        }

        sb.Append("<footer>ActorTrader tearsheet · statistics by ActorTrader.Quant · data in returns.csv, weights.csv and statistics.json</footer>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static void Statistics(StringBuilder sb, TearsheetStatistics stats)
    {
        Section(sb, "statistics", "Statistics");
        sb.Append("<table class=\"stats\">\n<tbody>\n");
        foreach (var item in stats.Items)
        {
            sb.Append("<tr data-key=\"").Append(HtmlText.Escape(item.Key)).Append("\"><th>").Append(HtmlText.Escape(item.Label))
              .Append("</th><td data-value=\"").Append(ReportFormat.Number(item.Value)).Append("\">").Append(HtmlText.Escape(ReportFormat.Display(item)))
              .Append("</td></tr>\n");
        }
        sb.Append("</tbody>\n</table>\n<p class=\"drawdown\">").Append(HtmlText.Escape(ReportText.MaxDrawdown(stats))).Append("</p>\n</section>\n");
    }

    private static void Section(StringBuilder sb, string id, string heading) =>
        sb.Append("<section id=\"").Append(id).Append("\">\n<h2>").Append(HtmlText.Escape(heading)).Append("</h2>\n");
}
