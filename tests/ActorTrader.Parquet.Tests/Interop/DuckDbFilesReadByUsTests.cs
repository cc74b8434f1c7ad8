using ActorTrader.Parquet.Tests.Support;

namespace ActorTrader.Parquet.Tests.Interop;

/// <summary>Files written by DuckDB's COPY ... (FORMAT parquet), read by ActorTrader.Parquet: every value and type must come through.</summary>
[Collection(DuckDbCollection.Name)]
public sealed class DuckDbFilesReadByUsTests(DuckDbHarness duckDb)
{
    // DuckDB cuts row groups at multiples of its 2,048-row vectors: 10,000 rows in groups of 2,048 give 5.
    private static readonly DuckDbWriteOptions Default = new(Rows: 10_000, Compression: "snappy", RowGroupSize: 2_048, ParquetVersion: "v1");

    /// <summary>The logical type DuckDB's writer gives each column of write.mjs's table (all columns are OPTIONAL in DuckDB files).</summary>
    private static readonly Dictionary<string, ParquetColumnType> ExpectedTypes = new()
    {
        ["id"] = ParquetColumnType.Int64, ["flag"] = ParquetColumnType.Boolean,
        ["i8"] = ParquetColumnType.Int(8, true), ["u8"] = ParquetColumnType.Int(8, false),
        ["i16"] = ParquetColumnType.Int(16, true), ["u16"] = ParquetColumnType.Int(16, false),
        ["i32"] = ParquetColumnType.Int32, ["u32"] = ParquetColumnType.Int(32, false),
        ["i64"] = ParquetColumnType.Int64, ["u64"] = ParquetColumnType.Int(64, false),
        ["f32"] = ParquetColumnType.Float, ["f64"] = ParquetColumnType.Double,
        ["symbol"] = ParquetColumnType.String, ["text"] = ParquetColumnType.String, ["bytes"] = ParquetColumnType.Bytes,
        ["day"] = ParquetColumnType.Date,
        ["ts_local"] = ParquetColumnType.Timestamp(TimestampUnit.Micros, adjustedToUtc: false),
        ["ts_utc"] = ParquetColumnType.Timestamp(TimestampUnit.Micros, adjustedToUtc: true),
        ["ts_ms"] = ParquetColumnType.Timestamp(TimestampUnit.Millis, adjustedToUtc: false),
        ["ts_ns"] = ParquetColumnType.Timestamp(TimestampUnit.Nanos, adjustedToUtc: false),
        ["dec9"] = ParquetColumnType.Decimal(9, 2), ["dec18"] = ParquetColumnType.Decimal(18, 4), ["dec28"] = ParquetColumnType.Decimal(28, 6),
    };

    [Theory]
    [InlineData("uncompressed", "v1")]
    [InlineData("snappy", "v1")]
    [InlineData("gzip", "v1")]
    [InlineData("uncompressed", "v2")]
    [InlineData("snappy", "v2")]
    [InlineData("gzip", "v2")]
    public async Task We_read_every_value_DuckDB_writes(string compression, string parquetVersion)
    {
        var options = Default with { Compression = compression, ParquetVersion = parquetVersion };
        using var temp = new TempDirectory();
        var path = temp.File("duckdb.parquet");
        var written = await duckDb.WriteAsync(path, options);

        AssertWeReadWhatDuckDbWrote(path, written, options.ToString());
    }

    [Fact]
    public async Task We_read_a_DuckDB_file_of_many_small_row_groups()
    {
        var options = Default with { Rows = 30_000, RowGroupSize = 100 };
        using var temp = new TempDirectory();
        var path = temp.File("duckdb.parquet");
        var written = await duckDb.WriteAsync(path, options);
        Assert.True(written.Layout.RowGroups > 10, $"Precondition: DuckDB wrote only {written.Layout.RowGroups} row groups.");

        AssertWeReadWhatDuckDbWrote(path, written, options.ToString());
    }

    [Fact]
    public async Task We_see_the_row_groups_DuckDB_wrote()
    {
        using var temp = new TempDirectory();
        var path = temp.File("duckdb.parquet");
        var written = await duckDb.WriteAsync(path, Default);

        using var reader = ParquetFileReader.Open(path);
        Assert.Equal(written.Layout.RowGroups, reader.RowGroupCount);
    }

    [Fact]
    public async Task We_read_dictionary_encoded_strings_DuckDB_writes()
    {
        using var temp = new TempDirectory();
        var path = temp.File("duckdb.parquet");
        var written = await duckDb.WriteAsync(path, Default);
        Assert.True(written.Layout.Chunk("symbol").UsesDictionary, $"Precondition: DuckDB did not dictionary-encode \"symbol\" ({written.Layout.Chunk("symbol").Encodings}).");

        using var reader = ParquetFileReader.Open(path);
        var ours = Enumerable.Range(0, reader.RowGroupCount).SelectMany(g => reader.ReadColumn(g, "symbol").Values.Cast<string?>());
        Assert.Equal(written.Rows.Select(r => r[written.IndexOf("symbol")]), ours);
    }

    [Fact]
    public async Task We_map_each_DuckDB_column_to_the_matching_logical_type()
    {
        using var temp = new TempDirectory();
        var path = temp.File("duckdb.parquet");
        await duckDb.WriteAsync(path, Default with { Rows = 100 });

        using var reader = ParquetFileReader.Open(path);
        Assert.Equal(
            ExpectedTypes.Select(e => $"{e.Key}: {e.Value}"),
            reader.Schema.Fields.Select(f => $"{f.Name}: {f.Type}"));
    }

    [Fact]
    public async Task The_row_API_reads_a_DuckDB_file_like_the_column_API()
    {
        using var temp = new TempDirectory();
        var path = temp.File("duckdb.parquet");
        var written = await duckDb.WriteAsync(path, Default with { Rows = 5_000 });

        var (schema, rows) = ParquetTable.ReadRows(path);

        var fields = schema.Fields;
        var actual = rows.Select(r => r.Select((v, i) => CanonicalValue.Of(v, fields[i].Type)).ToArray()).ToList();
        var expected = written.Rows.Select(r => r.Select((v, i) => CanonicalValue.FromDuckDb(v, fields[i].Type)).ToArray()).ToList();
        TableComparison.AssertSameRows(fields.Select(f => f.Name).ToList(), expected, actual, $"DuckDB {written.Version} wrote", "ParquetTable.ReadRows read", "row API");
    }

    private static void AssertWeReadWhatDuckDbWrote(string path, DuckDbTable written, string context)
    {
        using var reader = ParquetFileReader.Open(path);
        var fields = reader.Schema.Fields;
        Assert.Equal(written.Columns.Select(c => c.Name), fields.Select(f => f.Name));

        var actual = new List<string?[]>();
        for (var group = 0; group < reader.RowGroupCount; group++)
        {
            var columns = reader.ReadRowGroup(group);
            for (var row = 0; row < columns[0].Count; row++)
                actual.Add(columns.Select((c, i) => CanonicalValue.Of(c.Values.GetValue(row), fields[i].Type)).ToArray());
        }
        var expected = written.Rows.Select(r => r.Select((v, i) => CanonicalValue.FromDuckDb(v, fields[i].Type)).ToArray()).ToList();
        TableComparison.AssertSameRows(fields.Select(f => f.Name).ToList(), expected, actual, $"DuckDB {written.Version} wrote", "we read", context);
    }
}
