using ActorTrader.Data.Lakehouse;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;
using Bars = ActorTrader.Data.Tests.Lakehouse.Support.Bars;

namespace ActorTrader.Data.Tests.Lakehouse;

public sealed class ConcurrentWriteTests
{
    [Fact]
    public void A_write_of_more_partitions_than_syncs_in_flight_stores_every_partition()
    {
        using var lake = new StoreFixture(new BarStoreOptions { MaxDegreeOfParallelism = 2, MaxConcurrentSyncs = 3 });
        var symbols = Enumerable.Range(0, 20).Select(i => new Symbol("NYSE", $"S{i:D2}")).ToArray();
        var batches = symbols.Select((s, i) => new BarBatch(s, Timeframe.Day1, Bars.Daily(30 + i, seed: i))).ToArray();

        var result = lake.Store.Write(batches, StoreFixture.Source);

        var reopened = lake.Reopen();
        foreach (var (batch, i) in batches.Select((b, i) => (b, i)))
        {
            Assert.Equal(30 + i, result.RowsAdded[(batch.Symbol, Timeframe.Day1)]);
            Assert.Equal(batch.Bars, reopened.Read(batch.Symbol, Timeframe.Day1));
        }
    }

    [Fact]
    public void Options_without_a_sync_in_flight_are_refused_naming_the_option()
    {
        using var directory = new Support.TempDirectory();
        var error = Assert.Throws<ArgumentException>(() => new ParquetBarStore(new LakehouseLayout(directory.Path), new BarStoreOptions { MaxConcurrentSyncs = 0 }));
        Assert.Contains("MaxConcurrentSyncs", error.Message, StringComparison.Ordinal);
    }
}
