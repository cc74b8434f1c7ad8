namespace ActorTrader.Parquet;

/// <summary>Row-oriented convenience API for small tables (values are boxed; use the columnar API for volume).</summary>
public static class ParquetTable
{
    /// <summary>Reads every row of every row group; each row holds one value (or null) per schema field.</summary>
    public static (ParquetSchema Schema, IReadOnlyList<object?[]> Rows) ReadRows(string path)
    {
        using var reader = ParquetFileReader.Open(path);
        var rows = new List<object?[]>();
        var width = reader.Schema.Fields.Count;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            var columns = reader.ReadRowGroup(g);
            var count = columns.Count == 0 ? 0 : columns[0].Count;
            for (var r = 0; r < count; r++)
            {
                var row = new object?[width];
                for (var c = 0; c < width; c++)
                {
                    row[c] = columns[c].Values.GetValue(r);
                }

                rows.Add(row);
            }
        }

        return (reader.Schema, rows);
    }

    /// <summary>Writes rows (one value per field, in schema order; null for missing values of nullable fields) in row groups of <paramref name="rowGroupRows"/>.</summary>
    public static void WriteRows(string path, ParquetSchema schema, IEnumerable<object?[]> rows, ParquetWriterOptions? options = null, int rowGroupRows = 100_000)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rowGroupRows);
        using var writer = ParquetFileWriter.Create(path, schema, options);
        var batch = new List<object?[]>(Math.Min(rowGroupRows, 65536));
        var rowNumber = 0L;
        var rowGroup = 0;
        foreach (var row in rows)
        {
            if (row is null || row.Length != schema.Fields.Count)
            {
                throw new ParquetException($"row {rowNumber} has {row?.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no"} values but the schema has {schema.Fields.Count} fields", path, rowGroup, null);
            }

            batch.Add(row);
            rowNumber++;
            if (batch.Count == rowGroupRows)
            {
                writer.WriteRowGroup(ToColumns(path, schema, batch, rowNumber - batch.Count, rowGroup++));
                batch.Clear();
            }
        }

        if (batch.Count > 0 || rowGroup == 0)
        {
            writer.WriteRowGroup(ToColumns(path, schema, batch, rowNumber - batch.Count, rowGroup));
        }

        writer.Complete();
    }

    private static ParquetColumn[] ToColumns(string path, ParquetSchema schema, List<object?[]> batch, long firstRow, int rowGroup)
    {
        var columns = new ParquetColumn[schema.Fields.Count];
        for (var c = 0; c < columns.Length; c++)
        {
            var field = schema.Fields[c];
            var type = field.Type.ClrType;
            var array = field.Nullable && type.IsValueType
                ? Array.CreateInstance(typeof(Nullable<>).MakeGenericType(type), batch.Count)
                : Array.CreateInstance(type, batch.Count);
            for (var r = 0; r < batch.Count; r++)
            {
                var value = batch[r][c];
                if (value is null)
                {
                    if (!field.Nullable)
                    {
                        throw new ParquetException($"row {firstRow + r} is null but the column is required", path, rowGroup, field.Name);
                    }

                    continue;
                }

                if (value.GetType() != type)
                {
                    throw new ParquetException($"row {firstRow + r} holds a {value.GetType().Name} but the column's type {field.Type} needs {type.Name}", path, rowGroup, field.Name);
                }

                array.SetValue(value, r);
            }

            columns[c] = new ParquetColumn(field, array);
        }

        return columns;
    }
}
