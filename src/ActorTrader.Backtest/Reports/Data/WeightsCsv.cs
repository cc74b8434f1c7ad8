using System.Text;

namespace ActorTrader.Backtest.Reports;

/// <summary><c>weights.csv</c>: <c>date</c> then one column per asset in the input's order, one row per weights date.</summary>
internal static class WeightsCsv
{
    public static string Render(WeightsHistory weights)
    {
        var sb = new StringBuilder();
        sb.Append("date");
        foreach (var asset in weights.Assets) sb.Append(',').Append(CsvText.Field(asset));
        sb.Append('\n');
        for (var t = 0; t < weights.Dates.Count; t++)
        {
            sb.Append(ReportFormat.Date(weights.Dates[t]));
            foreach (var w in weights.Rows[t]) sb.Append(',').Append(ReportFormat.Number(w));
            sb.Append('\n');
        }
        return sb.ToString();
    }
}
