using ActorTrader.Data.Lakehouse;
using ActorTrader.Domain.Bars;
using static ActorTrader.Data.Tests.Lakehouse.StoreFixture;
using Bars = ActorTrader.Data.Tests.Lakehouse.Support.Bars;

namespace ActorTrader.Data.Tests.Lakehouse;

public sealed class AppendTests : IDisposable
{
    private readonly StoreFixture _lake = new();

    public void Dispose() => _lake.Dispose();

    [Fact]
    public void Writing_into_an_empty_lakehouse_stores_every_bar()
    {
        var bars = Bars.Daily(300);

        var result = _lake.Write(Aapl, bars);

        Assert.Equal(300, result.RowsAdded[(Aapl, Timeframe.Day1)]);
        Assert.Equal(bars, _lake.Reopen().Read(Aapl, Timeframe.Day1));
    }

    [Fact]
    public void Repeating_a_write_adds_no_rows_and_leaves_the_files_unchanged()
    {
        var bars = Bars.Daily(200);
        _lake.Write(Aapl, bars);
        var files = _lake.PartFiles(Aapl);
        var bytes = files.Select(f => File.ReadAllBytes(Path.Combine(_lake.PartitionDirectory(Aapl), f))).ToArray();

        var again = _lake.Reopen().Write([new BarBatch(Aapl, Timeframe.Day1, bars)], Source);

        Assert.Equal(0, again.TotalRowsAdded);
        Assert.Equal(files, _lake.PartFiles(Aapl));
        Assert.Equal(bytes, files.Select(f => File.ReadAllBytes(Path.Combine(_lake.PartitionDirectory(Aapl), f))).ToArray());
    }

    [Fact]
    public void Newer_bars_are_added_as_a_new_part_file_without_rewriting_the_first()
    {
        var bars = Bars.Daily(100);
        _lake.Write(Aapl, bars[..60]);
        var first = File.ReadAllBytes(Path.Combine(_lake.PartitionDirectory(Aapl), "part-00000.parquet"));

        var result = _lake.Write(Aapl, bars[60..]);

        Assert.Equal(40, result.TotalRowsAdded);
        Assert.Equal(["part-00000.parquet", "part-00001.parquet"], _lake.PartFiles(Aapl));
        Assert.Equal(first, File.ReadAllBytes(Path.Combine(_lake.PartitionDirectory(Aapl), "part-00000.parquet")));
        Assert.Equal(bars, _lake.Store.Read(Aapl, Timeframe.Day1));
    }

    [Fact]
    public void Overlapping_bars_add_only_the_timestamps_not_yet_stored()
    {
        var bars = Bars.Daily(100);
        _lake.Write(Aapl, bars[..70]);

        var result = _lake.Write(Aapl, bars[50..]);

        Assert.Equal(30, result.TotalRowsAdded);
        Assert.Equal(bars, _lake.Reopen().Read(Aapl, Timeframe.Day1));
    }

    [Fact]
    public void A_stored_bar_is_not_replaced_by_a_different_bar_with_the_same_timestamp()
    {
        _lake.Write(Aapl, Bars.At(0, 10m), Bars.At(1, 11m));

        var result = _lake.Write(Aapl, Bars.At(1, 99m), Bars.At(2, 12m));

        Assert.Equal(1, result.TotalRowsAdded);
        Assert.Equal([Bars.At(0, 10m), Bars.At(1, 11m), Bars.At(2, 12m)], _lake.Store.Read(Aapl, Timeframe.Day1));
    }

    [Fact]
    public void Bars_older_than_the_stored_ones_are_read_back_in_timestamp_order()
    {
        var bars = Bars.Daily(90);
        _lake.Write(Aapl, bars[60..]);

        var result = _lake.Write(Aapl, bars[..30]);

        Assert.Equal(30, result.TotalRowsAdded);
        Assert.Equal(bars[..30].Concat(bars[60..]), _lake.Reopen().Read(Aapl, Timeframe.Day1));
    }

    [Fact]
    public void Bars_inside_the_stored_range_rewrite_the_overlapped_parts_into_one_file()
    {
        var bars = Bars.Daily(90);
        var withGap = bars[..30].Concat(bars[60..]).ToArray();
        _lake.Write(Aapl, withGap);

        var result = _lake.Write(Aapl, bars[30..60]);

        Assert.Equal(30, result.TotalRowsAdded);
        Assert.Equal(["part-00001.parquet"], _lake.PartFiles(Aapl));
        Assert.Equal(bars, _lake.Reopen().Read(Aapl, Timeframe.Day1));
    }

    [Fact]
    public void An_unsorted_batch_is_stored_in_timestamp_order()
    {
        var bars = Bars.Daily(50);
        var shuffled = bars.OrderBy(b => b.Close).ThenBy(b => b.Timestamp).ToArray();

        _lake.Write(Aapl, shuffled);

        Assert.Equal(bars, _lake.Store.Read(Aapl, Timeframe.Day1));
    }

    [Fact]
    public void Batches_of_the_same_partition_in_one_write_are_joined()
    {
        var bars = Bars.Daily(40);

        var result = _lake.Store.Write([new BarBatch(Aapl, Timeframe.Day1, bars[20..]), new BarBatch(Aapl, Timeframe.Day1, bars[..20])], Source);

        Assert.Equal(40, result.RowsAdded[(Aapl, Timeframe.Day1)]);
        Assert.Equal(bars, _lake.Store.Read(Aapl, Timeframe.Day1));
    }

    [Fact]
    public void Duplicate_timestamps_in_one_write_are_rejected_before_anything_is_written()
    {
        var batches = new[]
        {
            new BarBatch(Msft, Timeframe.Day1, Bars.Daily(10)),
            new BarBatch(Aapl, Timeframe.Day1, [Bars.At(0), Bars.At(1, 11m), Bars.At(1, 12m)]),
        };

        var error = Assert.Throws<ArgumentException>(() => _lake.Store.Write(batches, Source));

        Assert.Contains("NASDAQ:AAPL", error.Message, StringComparison.Ordinal);
        Assert.Contains(Bars.At(1).Timestamp.UtcDateTime.ToString("O"), error.Message, StringComparison.Ordinal);
        Assert.Empty(_lake.PartFiles(Msft));
    }

    [Fact]
    public void An_empty_batch_adds_nothing_and_creates_no_partition()
    {
        var result = _lake.Write(Aapl);

        Assert.Equal(0, result.TotalRowsAdded);
        Assert.False(Directory.Exists(_lake.PartitionDirectory(Aapl)));
        Assert.Null(_lake.Store.Describe(Aapl, Timeframe.Day1));
    }

    [Fact]
    public void Random_appends_in_any_order_store_each_timestamp_once()
    {
        var random = new Random(7);
        var all = Bars.Daily(120, seed: 3);
        using var lake = new StoreFixture(new BarStoreOptions { MaxPartFiles = 4 });
        var expected = new SortedDictionary<DateTimeOffset, Bar>();
        for (var round = 0; round < 25; round++)
        {
            var start = random.Next(all.Length);
            var slice = all.Skip(start).Take(random.Next(1, 20)).ToArray();
            var fresh = slice.Count(b => !expected.ContainsKey(b.Timestamp));
            foreach (var bar in slice) expected.TryAdd(bar.Timestamp, bar);

            var result = lake.Write(Aapl, slice);

            Assert.Equal(fresh, result.TotalRowsAdded);
            Assert.True(lake.PartFiles(Aapl).Length <= 4);
        }

        Assert.Equal(expected.Values, lake.Reopen().Read(Aapl, Timeframe.Day1));
    }
}
