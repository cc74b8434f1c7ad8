namespace ActorTrader.Parquet;

/// <summary>Compression codec the writer applies to every page.</summary>
public enum ParquetCompression
{
    /// <summary>Pages are stored as they are.</summary>
    None,

    /// <summary>Snappy block compression: fast, moderate ratio (the usual default).</summary>
    Snappy,

    /// <summary>GZIP (deflate): slower, smaller files.</summary>
    Gzip,
}
