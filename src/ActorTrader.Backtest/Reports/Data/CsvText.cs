namespace ActorTrader.Backtest.Reports;

/// <summary>RFC 4180 quoting for CSV fields: a field with a comma, quote or line break is quoted, quotes doubled.</summary>
internal static class CsvText
{
    public static string Field(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
