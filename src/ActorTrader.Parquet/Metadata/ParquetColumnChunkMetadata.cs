namespace ActorTrader.Parquet;

/// <summary>
/// One column chunk's footer entry. <see cref="Min"/> and <see cref="Max"/> are CLR values of the
/// column's type, or null when the writer stored none or their sort order is unreliable (legacy
/// statistics of strings and unsigned integers).
/// </summary>
public sealed record ParquetColumnChunkMetadata(
    string Name,
    object? Min,
    object? Max,
    long? NullCount,
    string Codec,
    IReadOnlyList<string> Encodings,
    long CompressedSize,
    long UncompressedSize);
