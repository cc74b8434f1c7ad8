using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Lakehouse;

/// <summary>
/// Bars in the lakehouse, one partition per (timeframe, symbol). Every file is written to a temp file,
/// fsynced and renamed, so a reader never sees half a file. Safe for concurrent use across partitions;
/// writes to the same partition are serialized.
/// </summary>
public interface IBarStore
{
    /// <summary>What is stored for the partition, or null when nothing is.</summary>
    BarPartitionInfo? Describe(Symbol symbol, Timeframe timeframe);

    /// <summary>Every partition present (quarantined ones excluded).</summary>
    IReadOnlyList<BarPartitionInfo> List();

    /// <summary>Bars with from ≤ timestamp &lt; to (null = unbounded), ascending. A corrupt partition throws <see cref="CorruptPartitionException"/>.</summary>
    IReadOnlyList<Bar> Read(Symbol symbol, Timeframe timeframe, DateTimeOffset? from = null, DateTimeOffset? to = null);

    /// <summary>
    /// Adds bars to partitions in one batch (each partition atomically). Bars whose timestamp is already
    /// stored are not written again, so repeating a write changes nothing. Returns what was added per
    /// partition. A corrupt existing partition is quarantined (moved aside, with an error naming it) and
    /// reported in the result; the other partitions are still written.
    /// </summary>
    BarWriteResult Write(IReadOnlyList<BarBatch> batches, BarWriteSource source);

    /// <summary>Rewrites partitions made of several part files into one file each.</summary>
    int Compact();
}
