using ActorTrader.Cli.Parquet;
using ActorTrader.Parquet;

namespace ActorTrader.Cli.Tests.Parquet;

public sealed class ParquetCatTests : IDisposable
{
    private static readonly ParquetSchema Schema = new(
        new ParquetField("at", ParquetColumnType.Timestamp(TimestampUnit.Micros)),
        new ParquetField("symbol", ParquetColumnType.String, Nullable: true),
        new ParquetField("price", ParquetColumnType.Decimal(18, 4)),
        new ParquetField("volume", ParquetColumnType.Int64, Nullable: true),
        new ParquetField("ratio", ParquetColumnType.Double),
        new ParquetField("day", ParquetColumnType.Date));

    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private string WriteFile(params object?[][] rows)
    {
        var path = _files.Path("bars.parquet");
        ParquetTable.WriteRows(path, Schema, rows, rowGroupRows: 2);
        return path;
    }

    private static object?[] Row(int minute, string? symbol, decimal price, long? volume, double ratio) =>
        [new DateTime(2024, 1, 2, 9, 30 + minute, 0, DateTimeKind.Utc).AddTicks(1230), symbol, price, volume, ratio, new DateOnly(2024, 1, 2)];

    [Fact]
    public void Csv_has_a_header_and_one_line_per_row_across_row_groups()
    {
        var path = WriteFile(Row(0, "AAPL", 1.5m, 10, 0.25), Row(1, "MSFT", 2m, 20, 0.5), Row(2, "SPY", 3m, 30, 1));
        var output = new StringWriter();

        ParquetCat.Write(path, output, CatFormat.Csv);

        Assert.Equal(
            "at,symbol,price,volume,ratio,day\n" +
            "2024-01-02T09:30:00.000123Z,AAPL,1.5000,10,0.25,2024-01-02\n" +
            "2024-01-02T09:31:00.000123Z,MSFT,2.0000,20,0.5,2024-01-02\n" +
            "2024-01-02T09:32:00.000123Z,SPY,3.0000,30,1,2024-01-02\n",
            output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Csv_leaves_nulls_empty_and_quotes_text_with_commas_or_quotes()
    {
        var path = WriteFile(Row(0, "A,\"B\"", 1m, null, 0), Row(1, null, 1m, 1, 0), Row(2, "", 1m, 1, 0));
        var output = new StringWriter();

        ParquetCat.Write(path, output, CatFormat.Csv);

        var lines = output.ToString().ReplaceLineEndings("\n").Split('\n');
        Assert.Equal("2024-01-02T09:30:00.000123Z,\"A,\"\"B\"\"\",1.0000,,0,2024-01-02", lines[1]);
        Assert.Equal("2024-01-02T09:31:00.000123Z,,1.0000,1,0,2024-01-02", lines[2]);
        Assert.Equal("2024-01-02T09:32:00.000123Z,\"\",1.0000,1,0,2024-01-02", lines[3]);
    }

    [Fact]
    public void Json_prints_one_object_per_line_with_ISO_UTC_timestamps_and_decimals_as_strings()
    {
        var path = WriteFile(Row(0, "AAPL", 1.5m, null, 0.25));
        var output = new StringWriter();

        ParquetCat.Write(path, output, CatFormat.Json);

        Assert.Equal(
            "{\"at\":\"2024-01-02T09:30:00.000123Z\",\"symbol\":\"AAPL\",\"price\":\"1.5000\",\"volume\":null,\"ratio\":0.25,\"day\":\"2024-01-02\"}\n",
            output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Json_writes_non_finite_doubles_as_strings()
    {
        var path = WriteFile(Row(0, "X", 1m, 1, double.NaN), Row(1, "X", 1m, 1, double.NegativeInfinity));
        var output = new StringWriter();

        ParquetCat.Write(path, output, CatFormat.Json);

        var lines = output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Contains("\"ratio\":\"NaN\"", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"ratio\":\"-Infinity\"", lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(10)]
    public void Limit_stops_after_that_many_rows(int limit)
    {
        var path = WriteFile(Row(0, "A", 1m, 1, 0), Row(1, "B", 1m, 1, 0), Row(2, "C", 1m, 1, 0));
        var output = new StringWriter();

        var written = ParquetCat.Write(path, output, CatFormat.Json, limit);

        Assert.Equal(Math.Min(limit, 3), written);
        Assert.Equal(Math.Min(limit, 3), output.ToString().Count(c => c == '\n'));
    }

    [Fact]
    public void Local_timestamps_are_printed_without_a_zone()
    {
        var path = _files.Path("local.parquet");
        var schema = new ParquetSchema(new ParquetField("at", ParquetColumnType.Timestamp(TimestampUnit.Millis, adjustedToUtc: false)));
        ParquetTable.WriteRows(path, schema, [[new DateTime(2024, 1, 2, 9, 30, 0, 250, DateTimeKind.Unspecified)]]);
        var output = new StringWriter();

        ParquetCat.Write(path, output, CatFormat.Csv);

        Assert.Equal("at\n2024-01-02T09:30:00.250\n", output.ToString().ReplaceLineEndings("\n"));
    }
}
