using ActorTrader.Data.Lakehouse;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;
using static ActorTrader.Data.Tests.Lakehouse.StoreFixture;
using Bars = ActorTrader.Data.Tests.Lakehouse.Support.Bars;

namespace ActorTrader.Data.Tests.Lakehouse;

public sealed class QuarantineTests : IDisposable
{
    private readonly StoreFixture _lake = new();

    public void Dispose() => _lake.Dispose();

    private string CorruptFirstPart(Symbol symbol)
    {
        var path = Path.Combine(_lake.PartitionDirectory(symbol), "part-00000.parquet");
        File.WriteAllText(path, "this is not a parquet file");
        return path;
    }

    [Fact]
    public void A_corrupt_partition_is_quarantined_while_the_other_partitions_are_written()
    {
        _lake.Write(Aapl, Bars.Daily(10));
        _lake.Write(Msft, Bars.Daily(10));
        var corrupt = CorruptFirstPart(Aapl);
        var store = _lake.Reopen();

        var result = store.Write(
        [
            new BarBatch(Aapl, Timeframe.Day1, Bars.Daily(5, firstDay: 10)),
            new BarBatch(Msft, Timeframe.Day1, Bars.Daily(5, firstDay: 10)),
        ], Source);

        var quarantined = Assert.Single(result.Quarantined);
        Assert.Equal(Aapl, quarantined.Symbol);
        Assert.Contains(corrupt, quarantined.Reason, StringComparison.Ordinal);
        Assert.Contains("Parquet", quarantined.Reason, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(quarantined.MovedTo, "part-00000.parquet")));
        Assert.StartsWith(_lake.Layout.Quarantine, quarantined.MovedTo, StringComparison.Ordinal);
        Assert.Equal(5, result.RowsAdded[(Msft, Timeframe.Day1)]);
        Assert.Equal(15, store.Read(Msft, Timeframe.Day1).Count);
    }

    [Fact]
    public void A_quarantined_partition_starts_afresh_with_the_new_bars()
    {
        _lake.Write(Aapl, Bars.Daily(10));
        CorruptFirstPart(Aapl);
        var fresh = Bars.Daily(5, firstDay: 10);

        var result = _lake.Reopen().Write([new BarBatch(Aapl, Timeframe.Day1, fresh)], Source);

        Assert.Equal(5, result.RowsAdded[(Aapl, Timeframe.Day1)]);
        Assert.Equal(fresh, _lake.Reopen().Read(Aapl, Timeframe.Day1));
        Assert.Single(_lake.Store.QuarantinedDirectories());
    }

    [Fact]
    public void Reading_a_corrupt_partition_throws_naming_the_file_and_moves_nothing()
    {
        _lake.Write(Aapl, Bars.Daily(10));
        var corrupt = CorruptFirstPart(Aapl);

        var error = Assert.Throws<CorruptPartitionException>(() => _lake.Reopen().Read(Aapl, Timeframe.Day1));

        Assert.Equal(corrupt, error.File);
        Assert.Contains(corrupt, error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(corrupt));
        Assert.Empty(_lake.Store.QuarantinedDirectories());
    }

    [Fact]
    public void Compaction_quarantines_a_corrupt_partition_and_compacts_the_others()
    {
        _lake.Write(Aapl, Bars.Daily(10));
        _lake.Write(Aapl, Bars.Daily(10, firstDay: 10));
        _lake.Write(Msft, Bars.Daily(10));
        _lake.Write(Msft, Bars.Daily(10, firstDay: 10));
        CorruptFirstPart(Msft);
        var store = _lake.Reopen();

        var compacted = store.Compact();

        Assert.Equal(1, compacted);
        Assert.Single(_lake.PartFiles(Aapl));
        Assert.Single(store.QuarantinedDirectories());
        Assert.False(Directory.Exists(_lake.PartitionDirectory(Msft)));
    }
}
