using System.Text;

namespace ActorTrader.Backtest.Reports;

/// <summary>
/// The monthly returns heat map as an HTML table: one row per year, one cell per month (coloured on a scale symmetric
/// around zero, reaching full colour at the largest |monthly return|), and the compounded year in the last column with
/// its own scale. Each cell carries <c>data-year</c>, <c>data-month</c> and the raw <c>data-value</c>.
/// </summary>
internal static class MonthlyHeatMap
{
    public static void Render(StringBuilder sb, MonthlyReturns monthly)
    {
        var monthScale = monthly.Months.Max(m => Math.Abs(m.Return));
        var yearScale = monthly.Years.Max(y => Math.Abs(y.Return));
        sb.Append("<table class=\"heatmap\">\n<thead><tr><th>Year</th>");
        foreach (var name in ReportText.MonthNames) sb.Append("<th>").Append(name).Append("</th>");
        sb.Append("<th>Year</th></tr></thead>\n<tbody>\n");
        foreach (var year in monthly.Years)
        {
            var y = ReportFormat.Integer(year.Year);
            sb.Append("<tr><th>").Append(y).Append("</th>");
            for (var month = 1; month <= 12; month++)
            {
                if (monthly.At(year.Year, month) is { } r)
                    Cell(sb, "month", y, ReportFormat.Integer(month), r, monthScale);
                else
                    sb.Append("<td class=\"empty\"></td>");
            }
            Cell(sb, "year", y, null, year.Return, yearScale);
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody>\n</table>\n");
    }

    private static void Cell(StringBuilder sb, string cssClass, string year, string? month, double value, double scale)
    {
        sb.Append("<td class=\"").Append(cssClass).Append("\" data-year=\"").Append(year).Append('"');
        if (month is not null) sb.Append(" data-month=\"").Append(month).Append('"');
        sb.Append(" data-value=\"").Append(ReportFormat.Number(value)).Append("\" style=\"background:")
          .Append(ColourScale.Background(value, scale)).Append(";color:").Append(ColourScale.Foreground(value, scale)).Append("\">")
          .Append(ReportFormat.Percent(value)).Append("</td>");
    }
}
