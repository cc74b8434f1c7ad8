using System.Text;

namespace ActorTrader.Backtest.Reports;

/// <summary>Escapes free text for Markdown prose (headings, list items) so names cannot start emphasis, links or raw HTML.</summary>
internal static class MarkdownText
{
    private const string Special = "\\`*_[]#|!";

    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (Special.Contains(c, StringComparison.Ordinal)) sb.Append('\\').Append(c);
            else if (c == '<') sb.Append("&lt;");
            else if (c is '\r' or '\n') sb.Append(' ');
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
