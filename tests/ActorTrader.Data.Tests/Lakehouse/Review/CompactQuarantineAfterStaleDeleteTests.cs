using ActorTrader.Domain.Bars;
using static ActorTrader.Data.Tests.Lakehouse.StoreFixture;
using Bars = ActorTrader.Data.Tests.Lakehouse.Support.Bars;

namespace ActorTrader.Data.Tests.Lakehouse.Review;

public sealed class CompactQuarantineAfterStaleDeleteTests
{
    [Fact]
    public void Compaction_quarantines_a_partition_whose_crash_leftover_it_deleted_before_finding_the_corruption()
    {
        using var lake = new StoreFixture();
        var bars = Bars.Daily(30);
        lake.Write(Aapl, bars[..10]);
        lake.Write(Aapl, bars[20..]);
        var directory = lake.PartitionDirectory(Aapl);
        var saved = File.ReadAllBytes(Path.Combine(directory, "part-00000.parquet"));
        lake.Store.Compact(); // rewrites parts 0 and 1 into part 2
        // A crash before the replaced part was deleted leaves it behind ...
        File.WriteAllBytes(Path.Combine(directory, "part-00000.parquet"), saved);
        // ... and a second live part holding the same bars makes the partition unreadable (its footer is fine).
        File.Copy(Path.Combine(directory, "part-00002.parquet"), Path.Combine(directory, "part-00003.parquet"));
        var store = lake.Reopen();

        var compacted = store.Compact();

        Assert.Equal(0, compacted);
        Assert.Single(store.QuarantinedDirectories());
        Assert.False(Directory.Exists(directory));
    }
}
