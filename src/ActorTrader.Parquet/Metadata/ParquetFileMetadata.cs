namespace ActorTrader.Parquet;

/// <summary>What a file's footer says: row counts, writer, key-value pairs and per-row-group statistics.</summary>
public sealed record ParquetFileMetadata(
    long NumRows,
    string? CreatedBy,
    IReadOnlyDictionary<string, string> KeyValueMetadata,
    IReadOnlyList<ParquetRowGroupMetadata> RowGroups);
