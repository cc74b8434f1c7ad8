using ActorTrader.Parquet.Format;
using ActorTrader.Parquet.Tests.Support;

namespace ActorTrader.Parquet.Tests.Values;

/// <summary>
/// INT64 timestamps are checked against DateTime's range (years 1..9999) exactly at its edges, for files
/// written by others: built here as INT64 columns whose footer is then annotated TIMESTAMP.
/// </summary>
public sealed class TimestampRangeTests : IDisposable
{
    // 0001-01-01T00:00Z and 9999-12-31T23:59:59.999Z in milliseconds since the Unix epoch.
    private const long FirstMillisecond = -62_135_596_800_000;
    private const long LastMillisecond = 253_402_300_799_999;

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void The_first_and_last_representable_milliseconds_read_as_datetime_min_and_max()
    {
        var path = MillisFile(FirstMillisecond, 0, LastMillisecond);

        using var reader = ParquetFileReader.Open(path);
        var values = (DateTime[])reader.ReadColumn(0, "t").Values;

        Assert.Equal(DateTime.MinValue.Ticks, values[0].Ticks);
        Assert.Equal(DateTime.UnixEpoch, values[1]);
        Assert.Equal(DateTime.MaxValue.Ticks - (TimeSpan.TicksPerMillisecond - 1), values[2].Ticks);
        Assert.All(values, v => Assert.Equal(DateTimeKind.Utc, v.Kind));
    }

    [Theory]
    [InlineData(FirstMillisecond - 1)]
    [InlineData(LastMillisecond + 1)]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    public void A_millisecond_timestamp_beyond_datetime_is_reported_with_its_value(long millis)
    {
        var path = MillisFile(0, millis);

        using var reader = ParquetFileReader.Open(path);
        var error = Assert.Throws<ParquetException>(() => reader.ReadColumn(0, "t"));

        Assert.Equal("t", error.Column);
        Assert.Contains(millis.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Contains("outside DateTime's range", error.Message, StringComparison.Ordinal);
    }

    private string MillisFile(params long[] millis)
    {
        var field = new ParquetField("t", ParquetColumnType.Int64);
        var path = _directory.File(Guid.NewGuid().ToString("N") + ".parquet");
        using (var writer = ParquetFileWriter.Create(path, new ParquetSchema(field), new ParquetWriterOptions { UseDictionary = false }))
        {
            writer.WriteRowGroup([new ParquetColumn(field, millis)]);
            writer.Complete();
        }

        FooterSurgery.Rewrite(path, footer =>
        {
            var element = footer.Schema[1];
            element.LogicalType = new LogicalType { Kind = LogicalTypeKind.Timestamp, Unit = TimestampUnit.Millis, IsAdjustedToUtc = true };
            element.ConvertedType = null;
            footer.RowGroups[0].Columns[0].MetaData!.Statistics = null;
        });
        return path;
    }
}
