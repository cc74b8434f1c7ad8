using ActorTrader.Data.Lakehouse;
using ActorTrader.Domain.Bars;
using static ActorTrader.Data.Tests.Lakehouse.StoreFixture;
using Bars = ActorTrader.Data.Tests.Lakehouse.Support.Bars;

namespace ActorTrader.Data.Tests.Lakehouse;

public sealed class DescribeAndReadTests : IDisposable
{
    private readonly StoreFixture _lake = new();

    public void Dispose() => _lake.Dispose();

    [Fact]
    public void Describe_reports_extent_rows_files_and_provenance()
    {
        var bars = Bars.Daily(30);
        _lake.Write(Aapl, bars[..20]);
        _lake.Store.Write([new BarBatch(Aapl, Timeframe.Day1, bars[20..])], new BarWriteSource("synthetic", IsSynthetic: true, RunId: "r2"));

        var info = _lake.Reopen().Describe(Aapl, Timeframe.Day1)!;

        Assert.Equal(bars[0].Timestamp, info.FirstBar);
        Assert.Equal(bars[^1].Timestamp, info.LastBar);
        Assert.Equal(30, info.Rows);
        Assert.Equal(2, info.Files);
        Assert.Equal(_lake.PartFiles(Aapl).Sum(f => new FileInfo(Path.Combine(_lake.PartitionDirectory(Aapl), f)).Length), info.Bytes);
        Assert.Equal("synthetic", info.Provider);
        Assert.True(info.IsSynthetic);
    }

    [Fact]
    public void Describe_reads_only_footers()
    {
        var bars = Bars.Daily(50);
        _lake.Write(Aapl, bars);
        var path = Path.Combine(_lake.PartitionDirectory(Aapl), "part-00000.parquet");
        // Overwrite the data pages (everything between the magic and the footer) with garbage.
        using (var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite))
        {
            file.Position = 4;
            file.Write(Enumerable.Repeat((byte)0xFF, 200).ToArray());
        }

        var store = _lake.Reopen();

        Assert.Equal(50, store.Describe(Aapl, Timeframe.Day1)!.Rows);
        Assert.Throws<CorruptPartitionException>(() => store.Read(Aapl, Timeframe.Day1));
    }

    [Fact]
    public void Describe_of_an_unknown_partition_is_null()
    {
        Assert.Null(_lake.Store.Describe(Aapl, Timeframe.Minute1));
    }

    [Fact]
    public void List_returns_every_partition_of_every_timeframe()
    {
        _lake.Write(Aapl, Bars.Daily(3));
        _lake.Write(Msft, Bars.Daily(4));
        _lake.Store.Write([new BarBatch(Aapl, Timeframe.Minute1, Bars.Daily(2))], Source);

        var listed = _lake.Reopen().List().Select(p => (p.Symbol, p.Timeframe, p.Rows)).ToArray();

        Assert.Equal(3, listed.Length);
        Assert.Contains((Aapl, Timeframe.Day1, 3L), listed);
        Assert.Contains((Msft, Timeframe.Day1, 4L), listed);
        Assert.Contains((Aapl, Timeframe.Minute1, 2L), listed);
    }

    [Fact]
    public void A_range_read_returns_bars_from_inclusive_to_exclusive()
    {
        var bars = Bars.Daily(100);
        _lake.Write(Aapl, bars);

        var read = _lake.Reopen().Read(Aapl, Timeframe.Day1, bars[10].Timestamp, bars[20].Timestamp);

        Assert.Equal(bars[10..20], read);
    }

    [Fact]
    public void A_range_read_across_parts_and_row_groups_returns_exactly_the_range()
    {
        using var lake = new StoreFixture(new BarStoreOptions { RowGroupRows = 7 });
        var bars = Bars.Daily(100);
        for (var i = 0; i < 100; i += 25) lake.Write(Aapl, bars[i..(i + 25)]);
        var random = new Random(9);
        var store = lake.Reopen();
        for (var round = 0; round < 50; round++)
        {
            var from = random.Next(0, 100);
            var to = random.Next(from, 101);

            var read = store.Read(Aapl, Timeframe.Day1, bars[from].Timestamp, to == 100 ? null : bars[to].Timestamp);

            Assert.Equal(bars[from..to], read);
        }
    }

    [Fact]
    public void An_empty_or_inverted_range_returns_nothing()
    {
        var bars = Bars.Daily(10);
        _lake.Write(Aapl, bars);

        Assert.Empty(_lake.Store.Read(Aapl, Timeframe.Day1, bars[5].Timestamp, bars[5].Timestamp));
        Assert.Empty(_lake.Store.Read(Aapl, Timeframe.Day1, bars[6].Timestamp, bars[2].Timestamp));
    }

    [Fact]
    public void Reading_a_partition_that_does_not_exist_returns_nothing()
    {
        Assert.Empty(_lake.Store.Read(Msft, Timeframe.Day1));
    }
}
