using ActorTrader.Cli.Parquet;
using ActorTrader.Parquet;

namespace ActorTrader.Cli.Tests.Parquet;

public sealed class CsvToParquetTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private (ParquetSchema Schema, IReadOnlyList<object?[]> Rows) Convert(string csv, string? schema = null, ParquetCompression compression = ParquetCompression.Snappy)
    {
        var output = _files.Path("out.parquet");
        CsvToParquet.Convert(new StringReader(csv), "in.csv", output, compression, schema, TextWriter.Null);
        return ParquetTable.ReadRows(output);
    }

    [Fact]
    public void Column_types_are_inferred_from_the_values()
    {
        var (schema, _) = Convert(
            "flag,count,price,day,at,name\n" +
            "true,1,1.5,2024-01-02,2024-01-02T09:30:00Z,AAPL\n" +
            "FALSE,-7,2,2024-02-29,2024-01-02 16:00:00.123456,x\n");

        Assert.Equal(
            [ParquetColumnType.Boolean, ParquetColumnType.Int64, ParquetColumnType.Double, ParquetColumnType.Date,
             ParquetColumnType.Timestamp(TimestampUnit.Micros, adjustedToUtc: true), ParquetColumnType.String],
            schema.Fields.Select(f => f.Type));
    }

    [Fact]
    public void Values_are_stored_as_the_inferred_types()
    {
        var (_, rows) = Convert("flag,count,price,day,at\ntrue,-7,2.25,2024-02-29,2024-01-02T09:30:00.5Z\n");

        Assert.Equal(
            [true, -7L, 2.25, new DateOnly(2024, 2, 29), new DateTime(2024, 1, 2, 9, 30, 0, 500, DateTimeKind.Utc)],
            rows[0]);
    }

    [Fact]
    public void Timestamps_with_an_offset_are_converted_to_UTC()
    {
        var (_, rows) = Convert("at\n2024-01-02T09:30:00-05:00\n");

        var at = Assert.IsType<DateTime>(rows[0][0]);
        Assert.Equal((new DateTime(2024, 1, 2, 14, 30, 0), DateTimeKind.Utc), (DateTime.SpecifyKind(at, DateTimeKind.Unspecified), at.Kind));
    }

    [Fact]
    public void A_column_mixing_integers_and_decimals_becomes_double()
    {
        var (schema, rows) = Convert("x\n1\n2.5\n");

        Assert.Equal(ParquetColumnType.Double, schema.Fields[0].Type);
        Assert.Equal([1.0, 2.5], rows.Select(r => r[0]));
    }

    [Fact]
    public void A_column_mixing_dates_and_timestamps_becomes_timestamp()
    {
        var (schema, rows) = Convert("x\n2024-01-02\n2024-01-03T10:00:00Z\n");

        Assert.Equal(ParquetColumnType.Timestamp(TimestampUnit.Micros), schema.Fields[0].Type);
        Assert.Equal(new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc), rows[0][0]);
    }

    [Fact]
    public void Blank_fields_are_nulls_and_make_their_column_nullable()
    {
        var (schema, rows) = Convert("a,b\n1,x\n,y\n");

        Assert.Equal([true, false], schema.Fields.Select(f => f.Nullable));
        Assert.Equal([1L, null], rows.Select(r => r[0]));
    }

    [Fact]
    public void A_column_of_only_blanks_is_a_nullable_string()
    {
        var (schema, _) = Convert("a,b\n,1\n,2\n");

        Assert.Equal(new ParquetField("a", ParquetColumnType.String, Nullable: true), schema.Fields[0]);
    }

    [Fact]
    public void The_schema_option_overrides_inference_for_the_columns_it_names()
    {
        var (schema, rows) = Convert("id,price,n\n007,12.3400,5\n", schema: "id:string,price:decimal(18,4)");

        Assert.Equal([ParquetColumnType.String, ParquetColumnType.Decimal(18, 4), ParquetColumnType.Int64], schema.Fields.Select(f => f.Type));
        Assert.Equal(["007", 12.34m, 5L], rows[0]);
    }

    [Fact]
    public void A_value_that_does_not_fit_its_declared_type_names_file_line_column_and_the_fix()
    {
        var error = Assert.Throws<ParquetToolException>(() => Convert("a,n\nx,1\ny,two\n", schema: "n:int64"));

        Assert.StartsWith("in.csv:3:3: column \"n\": \"two\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("--schema \"n:string\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_entry_for_a_missing_column_lists_the_columns_there_are()
    {
        var error = Assert.Throws<ParquetToolException>(() => Convert("a,b\n1,2\n", schema: "c:int64"));

        Assert.Contains("its columns are a, b", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_with_the_wrong_number_of_fields_names_its_line()
    {
        var error = Assert.Throws<ParquetToolException>(() => Convert("a,b\n1,2\n3,4,5\n"));

        Assert.StartsWith("in.csv:3:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ParquetCompression.None)]
    [InlineData(ParquetCompression.Gzip)]
    public void Any_codec_writes_a_readable_file(ParquetCompression compression)
    {
        var (_, rows) = Convert("a\n1\n2\n", compression: compression);

        Assert.Equal([1L, 2L], rows.Select(r => r[0]));
    }

    [Fact]
    public void The_report_lists_rows_and_column_types()
    {
        var report = new StringWriter();
        CsvToParquet.Convert(new StringReader("a,b\n1,\n"), "in.csv", _files.Path("out.parquet"), ParquetCompression.Snappy, null, report);

        Assert.Contains("wrote 1 rows", report.ToString(), StringComparison.Ordinal);
        Assert.Contains("  b: String (nullable)", report.ToString(), StringComparison.Ordinal);
    }
}
