using System.Globalization;
using ActorTrader.Backtest.Reports;

namespace ActorTrader.Trading.Meta;

/// <summary>Invariant-culture text for the meta's report and files, so the same run prints the same bytes on any machine.</summary>
internal static class MetaText
{
    /// <summary>A UTC date (<c>2024-03-05</c>), with the time only when it is not midnight (intraday bars).</summary>
    public static string Date(DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        return utc.TimeOfDay == TimeSpan.Zero
            ? utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>A weight for people: six decimals.</summary>
    public static string Weight(double value) => value.ToString("0.000000", CultureInfo.InvariantCulture);

    /// <summary>A number for machines: the shortest text that reads back to the same double.</summary>
    public static string Exact(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A duration as HOCON writes it (<c>10m</c>, <c>90s</c>, <c>1500ms</c>).</summary>
    public static string Duration(TimeSpan value) =>
        value.TotalMilliseconds % 1000 != 0 ? $"{value.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}ms"
        : value.TotalSeconds % 60 != 0 ? $"{value.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s"
        : value.TotalMinutes % 60 != 0 ? $"{value.TotalMinutes.ToString(CultureInfo.InvariantCulture)}m"
        : $"{value.TotalHours.ToString(CultureInfo.InvariantCulture)}h";

    /// <summary>
    /// Free text (a sleeve's failure reason, an exception message) safe in a Markdown table cell or list item: pipes and
    /// backslashes escaped, no raw HTML (<c>&lt;none&gt;</c> would vanish as a tag), line breaks folded into spaces.
    /// </summary>
    public static string Cell(string text) => MarkdownTable.EscapeCell(text);
}
