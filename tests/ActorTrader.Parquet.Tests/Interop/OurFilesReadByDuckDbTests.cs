using ActorTrader.Parquet.Tests.Support;

namespace ActorTrader.Parquet.Tests.Interop;

/// <summary>Files written by ActorTrader.Parquet, read by DuckDB: every value, type, row group and codec must come through.</summary>
[Collection(DuckDbCollection.Name)]
public sealed class OurFilesReadByDuckDbTests(DuckDbHarness duckDb)
{
    // 2,500 rows in row groups of 1,000, 1,000 and 500: uneven groups, each spanning several 16 KiB pages.
    private const int Rows = 2_500;
    private const int RowGroupRows = 1_000;

    [Theory]
    [MemberData(nameof(WriterVariant.All), MemberType = typeof(WriterVariant))]
    public async Task DuckDB_reads_every_value_we_write(ParquetCompression compression, bool dictionary, int pageVersion, bool deltaTimestamps)
    {
        var variant = new WriterVariant(compression, dictionary, pageVersion, deltaTimestamps);
        using var temp = new TempDirectory();
        var path = temp.File("all-types.parquet");
        Write(path, variant.Options);

        var table = await duckDb.ReadAsync(path);

        var fields = AllTypesTable.Schema.Fields;
        Assert.Equal(fields.Select(f => f.Name), table.Columns.Select(c => c.Name));
        var expected = Enumerable.Range(0, Rows)
            .Select(row => AllTypesTable.Row(row)
                .Select((v, i) => CanonicalValue.AtDuckDbResolution(CanonicalValue.Of(v, fields[i].Type), table.Columns[i].Type))
                .ToArray())
            .ToList();
        var actual = table.Rows.Select(row => row.Select((v, i) => CanonicalValue.FromDuckDb(v, fields[i].Type)).ToArray()).ToList();
        TableComparison.AssertSameRows(fields.Select(f => f.Name).ToList(), expected, actual, "written", $"DuckDB {table.Version} read", variant.ToString());
    }

    [Fact]
    public async Task DuckDB_reads_each_column_as_the_matching_logical_type()
    {
        using var temp = new TempDirectory();
        var path = temp.File("all-types.parquet");
        Write(path, new ParquetWriterOptions());

        var table = await duckDb.ReadAsync(path);

        var expected = AllTypesTable.Schema.Fields.Select(f => $"{f.Name}: {AllTypesTable.DuckDbTypes[f.Name]}");
        Assert.Equal(expected, table.Columns.Select(c => $"{c.Name}: {c.Type}"));
    }

    [Fact]
    public async Task DuckDB_sees_every_row_group_we_write()
    {
        using var temp = new TempDirectory();
        var path = temp.File("all-types.parquet");
        Write(path, new ParquetWriterOptions());

        var table = await duckDb.ReadAsync(path);

        Assert.Equal((Rows + RowGroupRows - 1) / RowGroupRows, table.Layout.RowGroups);
    }

    [Theory]
    [InlineData(ParquetCompression.None, "UNCOMPRESSED")]
    [InlineData(ParquetCompression.Snappy, "SNAPPY")]
    [InlineData(ParquetCompression.Gzip, "GZIP")]
    public async Task DuckDB_finds_the_codec_we_chose_on_every_column(ParquetCompression compression, string duckDbName)
    {
        using var temp = new TempDirectory();
        var path = temp.File("all-types.parquet");
        Write(path, new ParquetWriterOptions { Compression = compression });

        var table = await duckDb.ReadAsync(path);

        Assert.All(table.Layout.Chunks, chunk => Assert.Equal(duckDbName, chunk.Compression));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DuckDB_finds_dictionary_encoding_on_a_low_cardinality_column_only_when_enabled(bool useDictionary)
    {
        using var temp = new TempDirectory();
        var path = temp.File("all-types.parquet");
        Write(path, new ParquetWriterOptions { UseDictionary = useDictionary });

        var table = await duckDb.ReadAsync(path);

        Assert.Equal(useDictionary, table.Layout.Chunk("symbol").UsesDictionary);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DuckDB_finds_delta_encoded_timestamps_only_when_enabled(bool deltaTimestamps)
    {
        using var temp = new TempDirectory();
        var path = temp.File("all-types.parquet");
        Write(path, new ParquetWriterOptions { DeltaEncodeTimestamps = deltaTimestamps, UseDictionary = false });

        var table = await duckDb.ReadAsync(path);

        Assert.Equal(deltaTimestamps, table.Layout.Chunk("ts_us").Encodings.Contains("DELTA_BINARY_PACKED", StringComparison.Ordinal));
    }

    private static void Write(string path, ParquetWriterOptions options)
    {
        using var writer = ParquetFileWriter.Create(path, AllTypesTable.Schema, options);
        for (var first = 0; first < Rows; first += RowGroupRows)
            writer.WriteRowGroup(AllTypesTable.Columns(first, Math.Min(RowGroupRows, Rows - first)));
        writer.Complete();
    }
}
