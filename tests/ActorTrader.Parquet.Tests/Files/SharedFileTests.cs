using System.Text.Json;
using ActorTrader.Parquet.Tests.Support;

namespace ActorTrader.Parquet.Tests.Files;

/// <summary>
/// Reads the files written by other implementations (apache/parquet-testing) and checks their values
/// against hyparquet's expected JSON or the parquet-testing documentation.
/// </summary>
public sealed class SharedFileTests
{
    private static readonly int[] AllTypesPlainIds = [4, 5, 6, 7, 2, 3, 0, 1];

    [Fact]
    public void Alltypes_plain_has_eight_rows_with_the_documented_values()
    {
        using var reader = ParquetFileReader.Open(TestFiles.Path("alltypes_plain.parquet"));
        Assert.Equal(8, reader.Metadata.NumRows);
        Expect(AllTypesPlainIds.Select(i => (int?)i).ToArray(), Values<int?>(reader, "id"));
        Expect([true, false, true, false, true, false, true, false], Values<bool?>(reader, "bool_col"));
        Expect([0, 1, 0, 1, 0, 1, 0, 1], Values<int?>(reader, "tinyint_col"));
        Expect([0, 1, 0, 1, 0, 1, 0, 1], Values<int?>(reader, "smallint_col"));
        Expect([0, 1, 0, 1, 0, 1, 0, 1], Values<int?>(reader, "int_col"));
        Expect([0L, 10, 0, 10, 0, 10, 0, 10], Values<long?>(reader, "bigint_col"));
        Expect([0f, 1.1f, 0f, 1.1f, 0f, 1.1f, 0f, 1.1f], Values<float?>(reader, "float_col"));
        Expect([0d, 10.1, 0d, 10.1, 0d, 10.1, 0d, 10.1], Values<double?>(reader, "double_col"));
        Expect(["03/01/09", "03/01/09", "04/01/09", "04/01/09", "02/01/09", "02/01/09", "01/01/09", "01/01/09"], Texts(reader, "date_string_col"));
        Expect(["0", "1", "0", "1", "0", "1", "0", "1"], Texts(reader, "string_col"));
        Expect([Utc(2009, 3, 1, 0, 0), Utc(2009, 3, 1, 0, 1), Utc(2009, 4, 1, 0, 0), Utc(2009, 4, 1, 0, 1), Utc(2009, 2, 1, 0, 0), Utc(2009, 2, 1, 0, 1), Utc(2009, 1, 1, 0, 0), Utc(2009, 1, 1, 0, 1)],
            Times(reader, "timestamp_col"));
    }

    [Fact]
    public void Alltypes_plain_reports_its_schema_with_legacy_int96_timestamps()
    {
        using var reader = ParquetFileReader.Open(TestFiles.Path("alltypes_plain.parquet"));
        Assert.Equal(11, reader.Schema.Fields.Count);
        Assert.Equal(new ParquetField("id", ParquetColumnType.Int32, true), reader.Schema.Fields[0]);
        Assert.Equal(new ParquetField("bigint_col", ParquetColumnType.Int64, true), reader.Schema.Fields[5]);
        Assert.Equal(new ParquetField("string_col", ParquetColumnType.Bytes, true), reader.Schema.Fields[9]);
        Assert.Equal(new ParquetField("timestamp_col", ParquetColumnType.Int96, true), reader.Schema.Fields[10]);
    }

    [Fact]
    public void Alltypes_plain_snappy_holds_rows_six_and_seven()
    {
        using var reader = ParquetFileReader.Open(TestFiles.Path("alltypes_plain.snappy.parquet"));
        Expect([6, 7], Values<int?>(reader, "id"));
        Expect([true, false], Values<bool?>(reader, "bool_col"));
        Expect([0d, 10.1], Values<double?>(reader, "double_col"));
        Expect(["04/01/09", "04/01/09"], Texts(reader, "date_string_col"));
        Expect([Utc(2009, 4, 1, 0, 0), Utc(2009, 4, 1, 0, 1)], Times(reader, "timestamp_col"));
        Assert.Equal("SNAPPY", reader.Metadata.RowGroups[0].Columns[0].Codec);
    }

    [Fact]
    public void Alltypes_dictionary_holds_rows_zero_and_one()
    {
        using var reader = ParquetFileReader.Open(TestFiles.Path("alltypes_dictionary.parquet"));
        Expect([0, 1], Values<int?>(reader, "id"));
        Expect([true, false], Values<bool?>(reader, "bool_col"));
        Expect([0L, 10], Values<long?>(reader, "bigint_col"));
        Expect([0f, 1.1f], Values<float?>(reader, "float_col"));
        Expect(["01/01/09", "01/01/09"], Texts(reader, "date_string_col"));
        Expect(["0", "1"], Texts(reader, "string_col"));
        Expect([Utc(2009, 1, 1, 0, 0), Utc(2009, 1, 1, 0, 1)], Times(reader, "timestamp_col"));
    }

    [Fact]
    public void Byte_array_decimal_matches_hyparquet_expected_values()
    {
        var expected = JsonDocument.Parse(File.ReadAllText(TestFiles.Path("byte_array_decimal.expected.hyparquet.json")))
            .RootElement.EnumerateArray().Select(row => (decimal?)row[0].GetDecimal()).ToArray();
        using var reader = ParquetFileReader.Open(TestFiles.Path("byte_array_decimal.parquet"));
        Assert.Equal(ParquetColumnType.Decimal(4, 2), reader.Schema.Fields[0].Type);
        var actual = Values<decimal?>(reader, "value");
        Assert.Equal(24, actual.Length);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Int64_decimal_holds_one_to_twenty_four_with_two_decimal_places()
    {
        using var reader = ParquetFileReader.Open(TestFiles.Path("int64_decimal.parquet"));
        Assert.Equal(ParquetColumnType.Decimal(10, 2), reader.Schema.Fields[0].Type);
        var actual = Values<decimal?>(reader, "value");
        Assert.Equal(Enumerable.Range(1, 24).Select(i => (decimal?)i).ToArray(), actual);
        Assert.All(actual, v => Assert.Equal(2, v!.Value.Scale));
        Assert.Equal(1.00m, reader.Metadata.RowGroups[0].Columns[0].Min);
        Assert.Equal(24.00m, reader.Metadata.RowGroups[0].Columns[0].Max);
    }

    [Fact]
    public void Datapage_v2_flat_columns_match_hyparquet_expected_rows()
    {
        var expected = JsonDocument.Parse(File.ReadAllText(TestFiles.Path("datapage_v2.snappy.expected.hyparquet.json"))).RootElement.EnumerateArray().ToArray();
        using var reader = ParquetFileReader.Open(TestFiles.Path("datapage_v2.snappy.parquet"));
        Assert.Equal(expected.Select(r => r[0].ValueKind == JsonValueKind.Null ? null : r[0].GetString()).ToArray(), Values<string>(reader, "a"));
        Assert.Equal(expected.Select(r => r[1].GetInt32()).ToArray(), Values<int>(reader, "b"));
        Assert.Equal(expected.Select(r => r[2].GetDouble()).ToArray(), Values<double>(reader, "c"));
        Assert.Equal(expected.Select(r => r[3].GetBoolean()).ToArray(), Values<bool>(reader, "d"));
    }

    [Fact]
    public void Datapage_v2_metadata_matches_hyparquet_expected_metadata()
    {
        var expected = JsonDocument.Parse(File.ReadAllText(TestFiles.Path("datapage_v2.snappy.metadata.hyparquet.json"))).RootElement;
        using var reader = ParquetFileReader.Open(TestFiles.Path("datapage_v2.snappy.parquet"));
        Assert.Equal(expected.GetProperty("num_rows").GetInt64(), reader.Metadata.NumRows);
        Assert.Equal(expected.GetProperty("created_by").GetString(), reader.Metadata.CreatedBy);
        var kv = expected.GetProperty("key_value_metadata")[0];
        Assert.Equal(kv.GetProperty("value").GetString(), reader.Metadata.KeyValueMetadata[kv.GetProperty("key").GetString()!]);
        var columns = expected.GetProperty("row_groups")[0].GetProperty("columns").EnumerateArray().ToArray();
        var b = columns[1].GetProperty("meta_data").GetProperty("statistics");
        var stats = reader.Metadata.RowGroups[0].Columns[reader.Schema.IndexOf("b")];
        Assert.Equal(b.GetProperty("min").GetInt32(), stats.Min);
        Assert.Equal(b.GetProperty("max").GetInt32(), stats.Max);
        Assert.Equal(b.GetProperty("null_count").GetInt64(), stats.NullCount);
        Assert.Equal(columns[0].GetProperty("meta_data").GetProperty("statistics").GetProperty("null_count").GetInt64(), reader.Metadata.RowGroups[0].Columns[0].NullCount);
    }

    [Fact]
    public void Nulls_snappy_struct_member_reads_as_eight_nulls()
    {
        using var reader = ParquetFileReader.Open(TestFiles.Path("nulls.snappy.parquet"));
        Assert.Equal(new ParquetField("b_struct.b_c_int", ParquetColumnType.Int32, true), Assert.Single(reader.Schema.Fields));
        var values = Values<int?>(reader, "b_struct.b_c_int");
        Assert.Equal(8, values.Length);
        Assert.All(values, v => Assert.Null(v));
        Assert.Equal(8, reader.Metadata.RowGroups[0].Columns[0].NullCount);
    }

    [Fact]
    public void Int96_from_spark_reads_all_six_documented_values_through_the_api()
    {
        using var reader = ParquetFileReader.Open(TestFiles.Path("int96_from_spark.parquet"));
        Assert.Equal(new ParquetField("a", ParquetColumnType.Int96, true), reader.Schema.Fields[0]);
        Assert.Equal(1, reader.Metadata.RowGroups[0].Columns[0].NullCount);
        var values = Values<Int96Timestamp?>(reader, "a");
        Assert.Equal(SparkMicros, values.Select(v => v?.UnixMicroseconds).ToArray());
    }

    [Fact]
    public void Int96_from_spark_reads_through_the_row_api()
    {
        var (schema, rows) = ParquetTable.ReadRows(TestFiles.Path("int96_from_spark.parquet"));
        Assert.Equal(typeof(Int96Timestamp), schema.Fields[0].Type.ClrType);
        Assert.Equal(SparkMicros, rows.Select(r => ((Int96Timestamp?)r[0])?.UnixMicroseconds).ToArray());
    }

    [Fact]
    public void Int96_from_spark_year_290000_value_prints_in_iso_8601_and_refuses_datetime()
    {
        using var reader = ParquetFileReader.Open(TestFiles.Path("int96_from_spark.parquet"));
        var far = Values<Int96Timestamp?>(reader, "a")[5]!.Value;
        Assert.Equal("+290000-12-30T23:00:00.000000000Z", far.ToString());
        Assert.False(far.TryGetDateTime(out _));
        var error = Assert.Throws<OverflowException>(() => far.ToDateTime());
        Assert.Contains("+290000-12-30T23:00:00.000000000Z", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Int96_from_spark_in_range_values_convert_to_utc_datetimes()
    {
        using var reader = ParquetFileReader.Open(TestFiles.Path("int96_from_spark.parquet"));
        var values = Values<Int96Timestamp?>(reader, "a");
        // The documented microseconds as UTC (the zone-less first input was parsed in a UTC-8 Spark session).
        DateTime?[] expected =
        [
            new DateTime(2024, 1, 1, 20, 34, 56, DateTimeKind.Utc).AddTicks(1_234_560),
            new DateTime(2024, 1, 1, 1, 0, 0, DateTimeKind.Utc),
            new DateTime(9999, 12, 31, 3, 0, 0, DateTimeKind.Utc),
            new DateTime(2024, 12, 30, 23, 0, 0, DateTimeKind.Utc),
            null,
        ];
        Assert.Equal(expected, values.Take(5).Select(v => v?.ToDateTime()).ToArray());
        Assert.All(values.Take(5).OfType<Int96Timestamp>(), v => Assert.Equal(DateTimeKind.Utc, v.ToDateTime().Kind));
    }

    // Documented in int96_from_spark.md: Spark's microseconds since the epoch, row by row.
    private static readonly long?[] SparkMicros = [1704141296123456, 1704070800000000, 253402225200000000, 1735599600000000, null, 9089380393200000000];

    private static void Expect<T>(T[] expected, IEnumerable<T> actual) => Assert.Equal(expected, actual);

    private static T[] Values<T>(ParquetFileReader reader, string column)
    {
        var result = reader.ReadColumn(0, column);
        return (T[])result.Values;
    }

    private static string?[] Texts(ParquetFileReader reader, string column) =>
        Values<byte[]>(reader, column).Select(b => b is null ? null : System.Text.Encoding.UTF8.GetString(b)).ToArray();

    private static DateTime? Utc(int year, int month, int day, int hour, int minute) => new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    private static DateTime?[] Times(ParquetFileReader reader, string column) =>
        Values<Int96Timestamp?>(reader, column).Select(t => t?.ToDateTime()).ToArray();
}
