using System.Text.Json;

namespace ActorTrader.Backtest.Reports;

/// <summary>
/// <c>statistics.json</c>: run identity, every statistic by key in table order, the max-drawdown episode, monthly and
/// yearly returns and the notes (sorted by key). Doubles are written round-trip; NaN and infinities, which JSON numbers
/// cannot carry, as the strings "NaN", "Infinity", "-Infinity" (System.Text.Json's named floating-point literals).
/// </summary>
internal static class StatisticsJson
{
    public static byte[] Render(TearsheetData data, TearsheetStatistics stats, TearsheetOptions options)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            w.WriteStartObject();
            w.WriteString("title", data.Title);
            w.WriteString("run_id", data.RunId);
            w.WriteString("profile", data.Profile);
            w.WriteString("start", ReportFormat.Date(stats.Start));
            w.WriteString("end", ReportFormat.Date(stats.End));
            w.WriteNumber("periods", data.Returns.Count);
            Number(w, "periods_per_year", data.PeriodsPerYear);
            Number(w, "risk_free_per_year", options.RiskFreePerYear);
            Number(w, "confidence", options.Confidence);
            w.WriteNumber("rolling_sharpe_window", options.RollingSharpeWindow);
            if (data.BenchmarkReturns is not null) w.WriteString("benchmark", data.BenchmarkName);

            w.WriteStartObject("statistics");
            foreach (var item in stats.Items) Number(w, item.Key, item.Value);
            w.WriteEndObject();

            var episode = stats.Summary.MaxDrawdown;
            w.WriteStartObject("max_drawdown_episode");
            Number(w, "depth", episode.Depth);
            OptionalDate(w, "peak", stats.MaxDrawdownPeak);
            OptionalDate(w, "trough", stats.MaxDrawdownTrough);
            OptionalDate(w, "recovery", stats.MaxDrawdownRecovery);
            w.WriteNumber("duration_periods", episode.DurationPeriods);
            w.WriteEndObject();

            w.WriteStartArray("monthly_returns");
            foreach (var m in stats.Monthly.Months)
            {
                w.WriteStartObject();
                w.WriteNumber("year", m.Year);
                w.WriteNumber("month", m.Month);
                Number(w, "return", m.Return);
                w.WriteNumber("periods", m.Periods);
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("yearly_returns");
            foreach (var y in stats.Monthly.Years)
            {
                w.WriteStartObject();
                w.WriteNumber("year", y.Year);
                Number(w, "return", y.Return);
                w.WriteNumber("periods", y.Periods);
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartObject("notes");
            foreach (var (key, value) in data.Notes.OrderBy(n => n.Key, StringComparer.Ordinal)) w.WriteString(key, value);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, value);
        else w.WriteString(name, ReportFormat.Number(value));
    }

    private static void OptionalDate(Utf8JsonWriter w, string name, DateTimeOffset? value)
    {
        if (value is { } d) w.WriteString(name, ReportFormat.Date(d));
        else w.WriteNull(name);
    }
}
