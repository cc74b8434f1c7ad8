using System.Text;

namespace ActorTrader.Backtest.Reports;

/// <summary>
/// A GitHub-flavoured Markdown table built row by row. Every cell is escaped (pipes, backslashes, raw HTML, line breaks),
/// so any text is safe to put in; lines end with "\n" on every platform.
/// </summary>
/// <example><code>
/// var table = new MarkdownTable(["Asset", "Weight"], [MarkdownAlignment.Left, MarkdownAlignment.Right]);
/// table.AddRow("SPY", "0.60");
/// var markdown = table.Render();
/// </code></example>
public sealed class MarkdownTable
{
    private readonly string[] _headers;
    private readonly MarkdownAlignment[] _alignments;
    private readonly List<string[]> _rows = [];

    /// <summary>A table with these column headers; alignments default to left, one per header when given.</summary>
    public MarkdownTable(IReadOnlyList<string> headers, IReadOnlyList<MarkdownAlignment>? alignments = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (headers.Count == 0) throw new ArgumentException("A Markdown table needs at least one column header.", nameof(headers));
        if (alignments is not null && alignments.Count != headers.Count)
            throw new ArgumentException($"alignments has {alignments.Count} entries but there are {headers.Count} headers; pass one alignment per column.", nameof(alignments));
        _headers = [.. headers];
        _alignments = alignments is null ? new MarkdownAlignment[headers.Count] : [.. alignments];
    }

    /// <summary>Rows added so far.</summary>
    public int RowCount => _rows.Count;

    /// <summary>Adds one row; it must have one cell per column.</summary>
    public MarkdownTable AddRow(params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != _headers.Length)
            throw new ArgumentException($"Row {_rows.Count + 1} has {cells.Length} cells but the table has {_headers.Length} columns ({string.Join(", ", _headers)}).", nameof(cells));
        _rows.Add([.. cells]);
        return this;
    }

    /// <summary>The table as Markdown, ending with a newline.</summary>
    public string Render()
    {
        var sb = new StringBuilder();
        AppendRow(sb, _headers);
        sb.Append('|');
        foreach (var alignment in _alignments)
        {
            sb.Append(alignment switch
            {
                MarkdownAlignment.Right => "---:",
                MarkdownAlignment.Center => ":---:",
                _ => "---",
            });
            sb.Append('|');
        }
        sb.Append('\n');
        foreach (var row in _rows) AppendRow(sb, row);
        return sb.ToString();
    }

    /// <inheritdoc cref="Render"/>
    public override string ToString() => Render();

    /// <summary>
    /// Escapes one cell: <c>\</c> and <c>|</c> get a backslash, <c>&lt;</c> becomes <c>&amp;lt;</c> (no raw HTML), line breaks
    /// become spaces. Null is an empty cell.
    /// </summary>
    public static string EscapeCell(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '|': sb.Append("\\|"); break;
                case '<': sb.Append("&lt;"); break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n': break;
                case '\r' or '\n': sb.Append(' '); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    private static void AppendRow(StringBuilder sb, IEnumerable<string> cells)
    {
        sb.Append('|');
        foreach (var cell in cells)
        {
            sb.Append(' ').Append(EscapeCell(cell)).Append(" |");
        }
        sb.Append('\n');
    }
}
