namespace ActorTrader.Backtest.Reports;

/// <summary>Sentences and labels shared by the HTML and Markdown reports (plain text; each output escapes it its own way).</summary>
internal static class ReportText
{
    public static readonly string[] MonthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static string Period(TearsheetData data, TearsheetStatistics stats) =>
        $"{ReportFormat.Date(stats.Start)} to {ReportFormat.Date(stats.End)} (UTC), {ReportFormat.Integer(data.Returns.Count)} periods, {ReportFormat.Number(data.PeriodsPerYear)} per year";

    public static string MaxDrawdown(TearsheetStatistics stats)
    {
        var episode = stats.Summary.MaxDrawdown;
        if (episode.Depth == 0) return "The equity curve never fell below its high-water mark.";
        var peak = stats.MaxDrawdownPeak is { } p ? ReportFormat.Date(p) : "the start";
        var trough = ReportFormat.Date(stats.MaxDrawdownTrough!.Value);
        var recovery = stats.MaxDrawdownRecovery is { } r ? $"recovered at {ReportFormat.Date(r)}" : "not recovered by the end";
        return $"Deepest drawdown {ReportFormat.Percent(episode.Depth)}: peak at {peak}, trough at {trough}, {recovery} ({ReportFormat.Integer(episode.DurationPeriods)} periods).";
    }
}
