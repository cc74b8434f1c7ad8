namespace ActorTrader.Cli.Parquet;

/// <summary>
/// RFC 4180 quoting of one CSV field: quoted only when it holds a comma, quote, CR or LF, or edge spaces.
/// An empty string is written as <c>""</c> so that it stays distinct from a null (an empty field).
/// </summary>
internal static class CsvField
{
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var needsQuotes = text.Length == 0
            || text.AsSpan().IndexOfAny(",\"\r\n") >= 0
            || (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])));
        return needsQuotes ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}
