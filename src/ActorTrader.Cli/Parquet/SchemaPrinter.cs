using ActorTrader.Parquet;
using System.Globalization;

namespace ActorTrader.Cli.Parquet;

/// <summary>
/// <c>actortrader parquet schema</c>: the file's row and row-group counts, writer and key-value metadata,
/// and per column its logical type, nullability, null count and min/max over all row groups (from the
/// footer's statistics; "?" where a row group has none). For list columns the nulls and range describe elements.
/// </summary>
internal static class SchemaPrinter
{
    /// <summary>Prints the schema of <paramref name="path"/>; columns that cannot be read are named on <paramref name="warnings"/> (standard error when null).</summary>
    public static void Print(string path, TextWriter output, TextWriter? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var reader = ParquetFileReader.Open(path);
        SkippedColumns.Report(reader, warnings ?? Console.Error);
        var metadata = reader.Metadata;
        output.WriteLine($"file: {path}");
        output.WriteLine($"rows: {metadata.NumRows.ToString(CultureInfo.InvariantCulture)} in {reader.RowGroupCount.ToString(CultureInfo.InvariantCulture)} row group(s)");
        if (!string.IsNullOrEmpty(metadata.CreatedBy)) output.WriteLine($"created by: {metadata.CreatedBy}");
        foreach (var (key, value) in metadata.KeyValueMetadata.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            output.WriteLine($"metadata: {key} = {Shorten(value)}");

        var fields = reader.Schema.Fields;
        string[] header = ["column", "type", "nullable", "nulls", "min", "max"];
        var rows = fields.Select((field, index) => Describe(field, index, metadata)).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        output.WriteLine();
        output.WriteLine(Line(header, widths));
        foreach (var row in rows) output.WriteLine(Line(row, widths));
    }

    private static string[] Describe(ParquetField field, int index, ParquetFileMetadata metadata)
    {
        long? nulls = 0;
        object? min = null, max = null;
        var complete = metadata.RowGroups.Count > 0;
        foreach (var group in metadata.RowGroups)
        {
            var chunk = group.Columns[index];
            nulls = nulls is { } sum && chunk.NullCount is { } count ? sum + count : null;
            if (chunk.Min is null || chunk.Max is null)
            {
                complete &= group.NumRows == chunk.NullCount; // an all-null group has no min/max and needs none
                continue;
            }
            if (min is null || Compare(chunk.Min, min) < 0) min = chunk.Min;
            if (max is null || Compare(chunk.Max, max) > 0) max = chunk.Max;
        }
        return
        [
            field.Name,
            field.Type.ToString().Replace(", ", ",", StringComparison.Ordinal), // one table cell, no spaces
            field.Nullable ? "yes" : "no",
            nulls?.ToString(CultureInfo.InvariantCulture) ?? "?",
            complete && min is not null ? Shorten(ParquetValueText.Format(min, field.Type)) : "?",
            complete && max is not null ? Shorten(ParquetValueText.Format(max, field.Type)) : "?",
        ];
    }

    // Statistics of one column share one CLR type; byte arrays (no IComparable) compare as unsigned bytes, as Parquet orders them.
    private static int Compare(object a, object b) => (a, b) switch
    {
        (byte[] x, byte[] y) => x.AsSpan().SequenceCompareTo(y),
        (string x, string y) => string.CompareOrdinal(x, y),
        (IComparable x, _) => x.CompareTo(b),
        _ => throw new InvalidOperationException($"Statistics of type {a.GetType()} cannot be ordered."),
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();
}
