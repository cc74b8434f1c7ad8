namespace ActorTrader.Parquet;

/// <summary>One row group: its row count, size and one entry per schema field (same order as the schema).</summary>
public sealed record ParquetRowGroupMetadata(
    long NumRows,
    long TotalByteSize,
    IReadOnlyList<ParquetColumnChunkMetadata> Columns);
