using ActorTrader.Data.Lakehouse;
using ActorTrader.Domain.Bars;
using static ActorTrader.Data.Tests.Lakehouse.StoreFixture;
using Bars = ActorTrader.Data.Tests.Lakehouse.Support.Bars;

namespace ActorTrader.Data.Tests.Lakehouse;

public sealed class CompactionTests
{
    [Fact]
    public void Compaction_merges_the_part_files_and_keeps_every_row()
    {
        using var lake = new StoreFixture();
        var bars = Bars.Daily(60);
        for (var i = 0; i < 60; i += 10) lake.Write(Aapl, bars[i..(i + 10)]);
        lake.Write(Msft, Bars.Daily(5));
        Assert.Equal(6, lake.PartFiles(Aapl).Length);

        var compacted = lake.Store.Compact();

        Assert.Equal(1, compacted);
        Assert.Single(lake.PartFiles(Aapl));
        Assert.Equal(bars, lake.Reopen().Read(Aapl, Timeframe.Day1));
        Assert.Equal(1, lake.Store.Describe(Aapl, Timeframe.Day1)!.Files);
    }

    [Fact]
    public void Compacting_a_compacted_lakehouse_changes_nothing()
    {
        using var lake = new StoreFixture();
        lake.Write(Aapl, Bars.Daily(10));
        lake.Write(Aapl, Bars.Daily(10, firstDay: 10));
        lake.Store.Compact();
        var files = lake.PartFiles(Aapl);

        Assert.Equal(0, lake.Store.Compact());
        Assert.Equal(files, lake.PartFiles(Aapl));
    }

    [Fact]
    public void An_append_beyond_the_part_limit_rewrites_the_partition_into_one_file()
    {
        using var lake = new StoreFixture(new BarStoreOptions { MaxPartFiles = 3 });
        var bars = Bars.Daily(40);
        for (var i = 0; i < 30; i += 10) lake.Write(Aapl, bars[i..(i + 10)]);
        Assert.Equal(3, lake.PartFiles(Aapl).Length);

        lake.Write(Aapl, bars[30..]);

        Assert.Single(lake.PartFiles(Aapl));
        Assert.Equal(bars, lake.Reopen().Read(Aapl, Timeframe.Day1));
    }

    [Fact]
    public void A_replaced_part_left_behind_by_a_crash_is_ignored_and_removed_by_the_next_write()
    {
        using var lake = new StoreFixture();
        var bars = Bars.Daily(30);
        lake.Write(Aapl, bars[..10]);
        lake.Write(Aapl, bars[20..]);
        var directory = lake.PartitionDirectory(Aapl);
        var saved = File.ReadAllBytes(Path.Combine(directory, "part-00000.parquet"));
        lake.Store.Compact();
        // A crash after the compacted file was renamed in but before the old parts were deleted looks like this.
        File.WriteAllBytes(Path.Combine(directory, "part-00000.parquet"), saved);

        var reopened = lake.Reopen();
        Assert.Equal(bars[..10].Concat(bars[20..]), reopened.Read(Aapl, Timeframe.Day1));
        Assert.Equal(20, reopened.Describe(Aapl, Timeframe.Day1)!.Rows);

        reopened.Write([new BarBatch(Aapl, Timeframe.Day1, bars[10..20])], Source);

        Assert.DoesNotContain("part-00000.parquet", lake.PartFiles(Aapl));
        Assert.Equal(bars, lake.Reopen().Read(Aapl, Timeframe.Day1));
    }
}
