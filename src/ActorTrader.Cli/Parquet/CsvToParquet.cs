using ActorTrader.Parquet;
using System.Globalization;

namespace ActorTrader.Cli.Parquet;

/// <summary>
/// <c>actortrader parquet from-csv</c>: converts a CSV file with a header row to Parquet. Column types come
/// from --schema or are inferred from all values (bool, int64, double, ISO date, ISO timestamp as UTC
/// microseconds, else string); blank fields are nulls and make a column nullable. The whole CSV is held
/// in memory to infer types before writing (row groups of <see cref="RowGroupRows"/> rows).
/// </summary>
internal static class CsvToParquet
{
    public const int RowGroupRows = 100_000;

    /// <summary>Converts <paramref name="inputPath"/>; reports the schema and row count on <paramref name="output"/>.</summary>
    public static ParquetSchema Convert(string inputPath, string outputPath, ParquetCompression compression, string? schemaSpec, TextWriter output)
    {
        if (!File.Exists(inputPath)) throw new ParquetToolException($"{inputPath}: no such CSV file.");
        using var input = new StreamReader(inputPath);
        return Convert(input, inputPath, outputPath, compression, schemaSpec, output);
    }

    /// <summary>Converts CSV text read from <paramref name="input"/>; <paramref name="source"/> names it in error messages.</summary>
    public static ParquetSchema Convert(TextReader input, string source, string outputPath, ParquetCompression compression, string? schemaSpec, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var given = CsvSchemaOption.Parse(schemaSpec);
        var csv = new CsvRecordReader(input, source);
        var header = csv.Read() ?? throw new ParquetToolException($"{source}: the file is empty; it needs a header row naming the columns.");
        var names = header.Select((cell, i) => cell.Text ?? throw new ParquetToolException($"{source}:{cell.Line}:{cell.Column}: header column {i + 1} has no name.")).ToArray();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length)
            throw new ParquetToolException($"{source}:1: the header repeats a column name ({string.Join(", ", names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key))}); names must be unique.");
        foreach (var unknown in given.Keys.Where(k => !names.Contains(k)))
            throw new ParquetToolException($"--schema names column \"{unknown}\", which {source} does not have; its columns are {string.Join(", ", names)}.");

        var records = new List<CsvCell[]>();
        while (csv.Read() is { } record)
        {
            if (record.Length != names.Length)
                throw new ParquetToolException($"{source}:{record[0].Line}: {record.Length} fields, but the header has {names.Length}; quote fields that contain commas.");
            records.Add(record);
        }

        var fields = names.Select((name, i) => new ParquetField(
            name,
            given.TryGetValue(name, out var kind) ? kind.Type : Infer(records, i).Type,
            Nullable: records.Any(r => r[i].Text is null))).ToArray();
        var schema = new ParquetSchema(fields);

        using (var writer = ParquetFileWriter.Create(outputPath, schema, new ParquetWriterOptions { Compression = compression }))
        {
            for (var first = 0; first < records.Count; first += RowGroupRows)
            {
                var count = Math.Min(RowGroupRows, records.Count - first);
                writer.WriteRowGroup(fields.Select((field, i) => new ParquetColumn(field, Values(records, first, count, i, field, source))).ToList());
            }
            writer.Complete();
        }
        output.WriteLine($"wrote {records.Count.ToString(CultureInfo.InvariantCulture)} rows to {outputPath} ({compression.ToString().ToLowerInvariant()}):");
        foreach (var field in fields) output.WriteLine($"  {field.Name}: {field.Type}{(field.Nullable ? " (nullable)" : "")}");
        return schema;
    }

    private static CsvColumnKind Infer(List<CsvCell[]> records, int column)
    {
        if (records.All(r => r[column].Text is null)) return CsvColumnKind.String; // nothing to infer from
        foreach (var kind in CsvColumnKind.Inferable)
        {
            if (records.All(r => r[column].Text is not { } text || CsvValueParser.TryParse(text, kind.Type, out _))) return kind;
        }
        return CsvColumnKind.String;
    }

    private static Array Values(List<CsvCell[]> records, int first, int count, int column, ParquetField field, string source)
    {
        var clr = field.Type.ClrType;
        var values = Array.CreateInstance(field.Nullable && clr.IsValueType ? typeof(Nullable<>).MakeGenericType(clr) : clr, count);
        for (var row = 0; row < count; row++)
        {
            var cell = records[first + row][column];
            if (cell.Text is null) continue;
            if (!CsvValueParser.TryParse(cell.Text, field.Type, out var value))
                throw new ParquetToolException(
                    $"{source}:{cell.Line}:{cell.Column}: column \"{field.Name}\": \"{cell.Text}\" is not a valid {field.Type}; fix the value or give the column another type with --schema \"{field.Name}:string\".");
            values.SetValue(value, row);
        }
        return values;
    }
}
