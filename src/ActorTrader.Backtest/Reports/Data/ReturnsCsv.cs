using System.Text;

namespace ActorTrader.Backtest.Reports;

/// <summary><c>returns.csv</c>: <c>date,return,equity,drawdown</c>, one row per period, round-trip doubles, "\n" line ends.</summary>
internal static class ReturnsCsv
{
    public static string Render(IReadOnlyList<DateTimeOffset> dates, IReadOnlyList<double> returns, double[] equity, double[] drawdown)
    {
        var sb = new StringBuilder(dates.Count * 64);
        sb.Append("date,return,equity,drawdown\n");
        for (var t = 0; t < dates.Count; t++)
        {
            sb.Append(ReportFormat.Date(dates[t])).Append(',')
              .Append(ReportFormat.Number(returns[t])).Append(',')
              .Append(ReportFormat.Number(equity[t])).Append(',')
              .Append(ReportFormat.Number(drawdown[t])).Append('\n');
        }
        return sb.ToString();
    }
}
