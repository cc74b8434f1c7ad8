using ActorTrader.Parquet.Tests.Support;

namespace ActorTrader.Parquet.Tests.Statistics;

public sealed class StatisticsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Min_max_and_null_count_are_written_per_row_group()
    {
        var field = new ParquetField("v", ParquetColumnType.Int64, Nullable: true);
        var path = Write(field, new long?[] { 5, null, -3, 9 }, new long?[] { null, null });
        using var reader = ParquetFileReader.Open(path);
        var first = reader.Metadata.RowGroups[0].Columns[0];
        Assert.Equal(-3L, first.Min);
        Assert.Equal(9L, first.Max);
        Assert.Equal(1L, first.NullCount);
        var second = reader.Metadata.RowGroups[1].Columns[0];
        Assert.Null(second.Min);
        Assert.Null(second.Max);
        Assert.Equal(2L, second.NullCount);
    }

    [Fact]
    public void Unsigned_integers_use_unsigned_order()
    {
        var field = new ParquetField("u", ParquetColumnType.Int(32, false));
        var path = Write(field, new uint[] { 1, uint.MaxValue, 2_000_000_000, 3_000_000_000 });
        using var reader = ParquetFileReader.Open(path);
        Assert.Equal(1u, reader.Metadata.RowGroups[0].Columns[0].Min);
        Assert.Equal(uint.MaxValue, reader.Metadata.RowGroups[0].Columns[0].Max);
    }

    [Fact]
    public void Strings_use_utf8_byte_order()
    {
        // U+FF5E (3 UTF-8 bytes, EF BD 9E) sorts before U+1F600 (F0 9F 98 80) in UTF-8 but after it in UTF-16.
        var field = new ParquetField("s", ParquetColumnType.String);
        var path = Write(field, new[] { "b", "\uFF5E", "\U0001F600", "a" });
        using var reader = ParquetFileReader.Open(path);
        Assert.Equal("a", reader.Metadata.RowGroups[0].Columns[0].Min);
        Assert.Equal("\U0001F600", reader.Metadata.RowGroups[0].Columns[0].Max);
    }

    [Fact]
    public void Nan_is_ignored_and_zero_bounds_are_signed_as_the_spec_asks()
    {
        var field = new ParquetField("d", ParquetColumnType.Double);
        var path = Write(field, new[] { double.NaN, 0.0, 1.5, -0.0 });
        using var reader = ParquetFileReader.Open(path);
        var stats = reader.Metadata.RowGroups[0].Columns[0];
        Assert.True(double.IsNegative((double)stats.Min!) && (double)stats.Min! == 0, "a zero minimum is written as -0.0");
        Assert.Equal(1.5, stats.Max);
    }

    [Fact]
    public void Decimal_and_timestamp_statistics_read_back_as_clr_values()
    {
        var price = new ParquetField("p", ParquetColumnType.Decimal(20, 3));
        var path = Write(price, new[] { 12.5m, -7.125m, 1000m });
        using (var reader = ParquetFileReader.Open(path))
        {
            Assert.Equal(-7.125m, reader.Metadata.RowGroups[0].Columns[0].Min);
            Assert.Equal(1000m, reader.Metadata.RowGroups[0].Columns[0].Max);
        }

        var time = new ParquetField("t", ParquetColumnType.Timestamp(TimestampUnit.Millis));
        var early = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var late = new DateTime(2024, 6, 30, 15, 59, 0, DateTimeKind.Utc);
        var path2 = Write(time, new[] { late, early });
        using var reader2 = ParquetFileReader.Open(path2);
        Assert.Equal(early, reader2.Metadata.RowGroups[0].Columns[0].Min);
        Assert.Equal(late, reader2.Metadata.RowGroups[0].Columns[0].Max);
    }

    [Fact]
    public void Row_groups_outside_the_range_are_skipped()
    {
        var field = new ParquetField("day", ParquetColumnType.Int32);
        var path = Write(field, new[] { 1, 5, 9 }, new[] { 10, 15, 19 }, new[] { 20, 25, 29 });
        using var reader = ParquetFileReader.Open(path);
        Assert.Equal([1], reader.RowGroupsOverlapping("day", 12, 14));
        Assert.Equal([0, 1], reader.RowGroupsOverlapping("day", null, 10));
        Assert.Equal([2], reader.RowGroupsOverlapping("day", 29, null));
        Assert.Empty(reader.RowGroupsOverlapping("day", 30, 40));
        Assert.Equal([0, 1, 2], reader.RowGroupsOverlapping("day", null, null));
    }

    [Fact]
    public void Skipping_converts_bounds_to_the_column_type()
    {
        var field = new ParquetField("v", ParquetColumnType.Int64);
        var path = Write(field, new[] { 1L, 2 }, new[] { 100L, 200 });
        using var reader = ParquetFileReader.Open(path);
        Assert.Equal([1], reader.RowGroupsOverlapping("v", 150, 160));
    }

    [Fact]
    public void String_range_skips_by_ordinal_order()
    {
        var field = new ParquetField("symbol", ParquetColumnType.String);
        var path = Write(field, new[] { "AAPL", "AMZN" }, new[] { "MSFT", "NVDA" });
        using var reader = ParquetFileReader.Open(path);
        Assert.Equal([1], reader.RowGroupsOverlapping("symbol", "MSFT", "MSFT"));
    }

    [Fact]
    public void String_range_compares_bounds_in_the_utf8_order_of_the_statistics()
    {
        // U+FF5E sorts before U+1F600 in UTF-8 (the statistics' order) but after it in UTF-16 ordinal order.
        var field = new ParquetField("s", ParquetColumnType.String);
        var path = Write(field, new[] { "\uFF5E" }, new[] { "\U0001F600" });
        using var reader = ParquetFileReader.Open(path);
        Assert.Equal([0, 1], reader.RowGroupsOverlapping("s", null, "\U0001F600"));
        Assert.Equal([1], reader.RowGroupsOverlapping("s", "\uFFFF", null));
    }

    [Fact]
    public void Row_groups_without_statistics_are_kept()
    {
        var field = new ParquetField("v", ParquetColumnType.Int32);
        var path = Write(field, new[] { 1, 2 }, new[] { 100, 200 });
        FooterSurgery.Rewrite(path, footer => footer.RowGroups[1].Columns[0].MetaData!.Statistics = null);
        using var reader = ParquetFileReader.Open(path);
        Assert.Equal([1], reader.RowGroupsOverlapping("v", 50, 60));
    }

    [Fact]
    public void Legacy_min_max_are_used_for_signed_integers()
    {
        var field = new ParquetField("v", ParquetColumnType.Int32);
        var path = Write(field, new[] { 3, 4 });
        FooterSurgery.Rewrite(path, footer =>
        {
            var stats = footer.RowGroups[0].Columns[0].MetaData!.Statistics!;
            (stats.LegacyMin, stats.LegacyMax, stats.MinValue, stats.MaxValue) = (stats.MinValue, stats.MaxValue, null, null);
        });
        using var reader = ParquetFileReader.Open(path);
        Assert.Equal(3, reader.Metadata.RowGroups[0].Columns[0].Min);
        Assert.Equal(4, reader.Metadata.RowGroups[0].Columns[0].Max);
    }

    [Fact]
    public void Legacy_min_max_are_ignored_for_strings_and_unsigned_integers()
    {
        var text = new ParquetField("s", ParquetColumnType.String);
        var unsigned = new ParquetField("u", ParquetColumnType.Int(32, false));
        foreach (var (field, values) in new (ParquetField, Array)[] { (text, new[] { "a", "é" }), (unsigned, new uint[] { 1, uint.MaxValue }) })
        {
            var path = Write(field, values);
            FooterSurgery.Rewrite(path, footer =>
            {
                var stats = footer.RowGroups[0].Columns[0].MetaData!.Statistics!;
                (stats.LegacyMin, stats.LegacyMax, stats.MinValue, stats.MaxValue) = (stats.MinValue, stats.MaxValue, null, null);
            });
            using var reader = ParquetFileReader.Open(path);
            Assert.Null(reader.Metadata.RowGroups[0].Columns[0].Min);
            Assert.Null(reader.Metadata.RowGroups[0].Columns[0].Max);
        }
    }

    private string Write(ParquetField field, params Array[] groups)
    {
        var path = _directory.File(Guid.NewGuid().ToString("N") + ".parquet");
        using var writer = ParquetFileWriter.Create(path, new ParquetSchema(field));
        foreach (var values in groups)
        {
            writer.WriteRowGroup([new ParquetColumn(field, values)]);
        }

        writer.Complete();
        return path;
    }
}
