using ActorTrader.Parquet.Tests.Support;

namespace ActorTrader.Parquet.Tests.RoundTrip;

/// <summary>
/// Seeded random round trips: random schemas over every writable type (required and optional),
/// random nulls, row counts across page and row-group boundaries, every codec, dictionary on/off,
/// data page v1/v2, delta timestamps on/off and page checksums. Values read back must be identical.
/// </summary>
public sealed class RoundTripPropertyTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Random_tables_read_back_identically_under_every_writer_option()
    {
        var random = new Random(20240501);
        int[] rowCounts = [0, 1, 7, 8, 9, 100, 1000, 3000];
        for (var iteration = 0; iteration < 120; iteration++)
        {
            var schema = RandomColumns.Schema(random, 1 + random.Next(5));
            var options = new ParquetWriterOptions
            {
                Compression = (ParquetCompression)random.Next(3),
                UseDictionary = random.Next(3) != 0,
                DictionaryMaxBytes = random.Next(2) == 0 ? 64 : 1 << 20,
                DataPageVersion = 1 + random.Next(2),
                DeltaEncodeTimestamps = random.Next(2) == 0,
                DataPageBytes = random.Next(3) switch { 0 => 64, 1 => 1000, _ => 1 << 20 },
                WritePageChecksums = random.Next(2) == 0,
            };
            var groups = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => rowCounts[random.Next(rowCounts.Length)]).ToArray();
            var written = new List<ParquetColumn[]>();
            var path = _directory.File($"t{iteration}.parquet");
            using (var writer = ParquetFileWriter.Create(path, schema, options))
            {
                foreach (var rows in groups)
                {
                    var nullRate = random.NextDouble();
                    var columns = schema.Fields.Select(f => RandomColumns.Column(random, f, rows, nullRate, random.Next(2) == 0)).ToArray();
                    writer.WriteRowGroup(columns);
                    written.Add(columns);
                }

                writer.Complete();
            }

            var context = $"iteration {iteration}, schema {schema}, options {options}, groups [{string.Join(",", groups)}]";
            using var reader = ParquetFileReader.Open(path);
            Assert.Equal(schema, reader.Schema);
            Assert.Equal(groups.Length, reader.RowGroupCount);
            Assert.Equal(groups.Sum(), reader.Metadata.NumRows);
            for (var g = 0; g < groups.Length; g++)
            {
                var read = reader.ReadRowGroup(g);
                for (var c = 0; c < schema.Fields.Count; c++)
                {
                    ValueComparison.AssertSameColumn(written[g][c].Values, read[c].Values, $"{context}, group {g}, column {schema.Fields[c].Name}");
                }
            }
        }
    }

    [Fact]
    public void Tiny_pages_split_a_column_into_many_pages_that_read_back_in_order()
    {
        var schema = new ParquetSchema(new ParquetField("v", ParquetColumnType.Int64, Nullable: true));
        var values = Enumerable.Range(0, 10_000).Select(i => i % 7 == 0 ? null : (long?)i * 31).ToArray();
        var path = _directory.File("pages.parquet");
        using (var writer = ParquetFileWriter.Create(path, schema, new ParquetWriterOptions { DataPageBytes = 100, UseDictionary = false }))
        {
            writer.WriteRowGroup([new ParquetColumn(schema.Fields[0], values)]);
            writer.Complete();
        }

        using var reader = ParquetFileReader.Open(path);
        var chunk = reader.Metadata.RowGroups[0].Columns[0];
        var plainBytes = values.Count(v => v.HasValue) * 8L;
        // ~100-byte pages mean hundreds of pages, each adding a header of at least 10 bytes.
        Assert.True(chunk.UncompressedSize > plainBytes + 5000, $"expected many page headers, chunk is {chunk.UncompressedSize} bytes for {plainBytes} value bytes");
        Assert.Equal(values, (long?[])reader.ReadColumn(0, "v").Values);
    }

    [Fact]
    public void High_cardinality_strings_fall_back_to_plain_when_the_dictionary_is_too_large()
    {
        var schema = new ParquetSchema(new ParquetField("s", ParquetColumnType.String));
        var values = Enumerable.Range(0, 5000).Select(i => $"value-{i}").ToArray();
        var path = _directory.File("fallback.parquet");
        using (var writer = ParquetFileWriter.Create(path, schema, new ParquetWriterOptions { DictionaryMaxBytes = 1000 }))
        {
            writer.WriteRowGroup([new ParquetColumn(schema.Fields[0], values)]);
            writer.Complete();
        }

        using var reader = ParquetFileReader.Open(path);
        Assert.DoesNotContain("RleDictionary", reader.Metadata.RowGroups[0].Columns[0].Encodings);
        Assert.Equal(values, (string[])reader.ReadColumn(0, "s").Values);
    }

    [Fact]
    public void Low_cardinality_strings_are_dictionary_encoded()
    {
        var schema = new ParquetSchema(new ParquetField("symbol", ParquetColumnType.String));
        string[] symbols = ["AAPL", "MSFT", "SPY"];
        var values = Enumerable.Range(0, 5000).Select(i => symbols[i % 3]).ToArray();
        var path = _directory.File("dictionary.parquet");
        using (var writer = ParquetFileWriter.Create(path, schema))
        {
            writer.WriteRowGroup([new ParquetColumn(schema.Fields[0], values)]);
            writer.Complete();
        }

        using var reader = ParquetFileReader.Open(path);
        Assert.Contains("RleDictionary", reader.Metadata.RowGroups[0].Columns[0].Encodings);
        Assert.Equal(values, (string[])reader.ReadColumn(0, "symbol").Values);
    }

    [Fact]
    public void Timestamps_are_delta_encoded_when_asked()
    {
        var schema = new ParquetSchema(new ParquetField("t", ParquetColumnType.Timestamp(TimestampUnit.Micros)));
        var start = new DateTime(2024, 1, 2, 14, 30, 0, DateTimeKind.Utc);
        var values = Enumerable.Range(0, 2000).Select(i => start.AddMinutes(i)).ToArray();
        var path = _directory.File("delta.parquet");
        using (var writer = ParquetFileWriter.Create(path, schema, new ParquetWriterOptions { DeltaEncodeTimestamps = true }))
        {
            writer.WriteRowGroup([new ParquetColumn(schema.Fields[0], values)]);
            writer.Complete();
        }

        using var reader = ParquetFileReader.Open(path);
        var chunk = reader.Metadata.RowGroups[0].Columns[0];
        Assert.Contains("DeltaBinaryPacked", chunk.Encodings);
        Assert.True(chunk.UncompressedSize < 2000, $"regular timestamps delta-encode to a few bytes each, got {chunk.UncompressedSize}");
        Assert.Equal(values, (DateTime[])reader.ReadColumn(0, "t").Values);
    }

    [Fact]
    public void Row_api_round_trips_mixed_rows()
    {
        var schema = new ParquetSchema(
            new ParquetField("id", ParquetColumnType.Int32),
            new ParquetField("name", ParquetColumnType.String, Nullable: true),
            new ParquetField("price", ParquetColumnType.Decimal(12, 4), Nullable: true),
            new ParquetField("day", ParquetColumnType.Date));
        var rows = Enumerable.Range(0, 25).Select(i => new object?[] { i, i % 4 == 0 ? null : $"n{i}", i % 5 == 0 ? null : i * 1.25m, new DateOnly(2024, 1, 1).AddDays(i) }).ToList();
        var path = _directory.File("rows.parquet");
        ParquetTable.WriteRows(path, schema, rows, rowGroupRows: 10);

        var (readSchema, readRows) = ParquetTable.ReadRows(path);
        Assert.Equal(schema, readSchema);
        Assert.Equal(rows.Count, readRows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(rows[i], readRows[i]);
        }

        using var reader = ParquetFileReader.Open(path);
        Assert.Equal(3, reader.RowGroupCount);
    }

    [Fact]
    public void Key_value_metadata_round_trips()
    {
        var schema = new ParquetSchema(new ParquetField("x", ParquetColumnType.Int32));
        var metadata = new Dictionary<string, string> { ["source"] = "alpaca", ["schema.version"] = "3", ["unicode"] = "ü→✓" };
        var path = _directory.File("kv.parquet");
        using (var writer = ParquetFileWriter.Create(path, schema, new ParquetWriterOptions { KeyValueMetadata = metadata }))
        {
            writer.WriteRowGroup([new ParquetColumn(schema.Fields[0], new[] { 1, 2 })]);
            writer.Complete();
        }

        using var reader = ParquetFileReader.Open(path);
        Assert.Equal(metadata.OrderBy(kv => kv.Key), reader.Metadata.KeyValueMetadata.OrderBy(kv => kv.Key));
        Assert.StartsWith("ActorTrader.Parquet", reader.Metadata.CreatedBy, StringComparison.Ordinal);
    }
}
