using ActorTrader.Parquet;
using System.Text;
using System.Text.Json;

namespace ActorTrader.Cli.Parquet;

/// <summary><c>actortrader parquet cat</c>: prints a file's rows as CSV or JSON lines, row group by row group.</summary>
internal static class ParquetCat
{
    /// <summary>
    /// Writes up to <paramref name="limit"/> rows (all when null) of <paramref name="path"/>; returns the number written.
    /// Columns that cannot be read are named on <paramref name="warnings"/> (standard error when null).
    /// </summary>
    public static long Write(string path, TextWriter output, CatFormat format, long? limit = null, TextWriter? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (limit < 0) throw new ParquetToolException($"--limit must be 0 or more; got {limit}.");
        using var reader = ParquetFileReader.Open(path);
        SkippedColumns.Report(reader, warnings ?? Console.Error);
        var fields = reader.Schema.Fields;
        if (format == CatFormat.Csv) output.WriteLine(string.Join(',', fields.Select(f => CsvField.Quote(f.Name))));

        long written = 0;
        IReadOnlyList<ParquetColumn> columns = [];
        for (var group = 0; group < reader.RowGroupCount && written != limit; group++)
        {
            // Each group's rows are printed before the next is read, so its arrays can be decoded over: memory stays at one row group.
            columns = reader.ReadRowGroupInto(group, columns);
            var rows = columns.Count == 0 ? 0 : columns[0].Count;
            for (var row = 0; row < rows && written != limit; row++, written++)
            {
                if (format == CatFormat.Csv) WriteCsvRow(output, columns, row);
                else WriteJsonRow(output, columns, row);
            }
        }
        return written;
    }

    private static void WriteCsvRow(TextWriter output, IReadOnlyList<ParquetColumn> columns, int row)
    {
        var line = new StringBuilder();
        for (var i = 0; i < columns.Count; i++)
        {
            if (i > 0) line.Append(',');
            if (columns[i].Values.GetValue(row) is { } value) line.Append(CsvField.Quote(ParquetValueText.Format(value, columns[i].Field.Type)));
        }
        output.WriteLine(line.ToString());
    }

    private static void WriteJsonRow(TextWriter output, IReadOnlyList<ParquetColumn> columns, int row)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, ParquetJson.Options))
        {
            json.WriteStartObject();
            foreach (var column in columns)
            {
                json.WritePropertyName(column.Field.Name);
                ParquetJson.WriteValue(json, column.Values.GetValue(row), column.Field.Type);
            }
            json.WriteEndObject();
        }
        output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }
}
