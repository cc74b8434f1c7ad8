using ActorTrader.Parquet;

namespace ActorTrader.Data.Lakehouse;

/// <summary>Tuning of <see cref="ParquetBarStore"/>; the defaults suit daily and minute bars.</summary>
public sealed record BarStoreOptions
{
    /// <summary>
    /// When an append would leave a partition with more part files than this, the partition is rewritten into one
    /// file instead (compaction on write), so daily appends do not pile up thousands of tiny files.
    /// </summary>
    public int MaxPartFiles { get; init; } = 32;

    /// <summary>Rows per row group: the unit a range read can skip using the timestamp statistics.</summary>
    public int RowGroupRows { get; init; } = 131_072;

    /// <summary>How many partitions one <see cref="ParquetBarStore.Write"/> or <see cref="ParquetBarStore.Compact"/> encodes (uses the CPU for) at the same time.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// How many partitions one <see cref="ParquetBarStore.Write"/> or <see cref="ParquetBarStore.Compact"/> keeps in flight,
    /// most of them waiting for an fsync (and how many directories it fsyncs at once). Fsyncs cost the disk's latency, not
    /// CPU, and concurrent ones overlap, so this is well above the core count.
    /// </summary>
    public int MaxConcurrentSyncs { get; init; } = 16;

    /// <summary>Page compression of bar files.</summary>
    public ParquetCompression Compression { get; init; } = ParquetCompression.Snappy;

    internal void Validate()
    {
        if (MaxPartFiles < 1) throw new ArgumentException($"MaxPartFiles is {MaxPartFiles}; use 1 or more.", nameof(MaxPartFiles));
        if (RowGroupRows < 1) throw new ArgumentException($"RowGroupRows is {RowGroupRows}; use 1 or more.", nameof(RowGroupRows));
        if (MaxDegreeOfParallelism < 1) throw new ArgumentException($"MaxDegreeOfParallelism is {MaxDegreeOfParallelism}; use 1 or more.", nameof(MaxDegreeOfParallelism));
        if (MaxConcurrentSyncs < 1) throw new ArgumentException($"MaxConcurrentSyncs is {MaxConcurrentSyncs}; use 1 or more.", nameof(MaxConcurrentSyncs));
    }
}
