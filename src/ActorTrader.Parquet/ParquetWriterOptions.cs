namespace ActorTrader.Parquet;

/// <summary>How <see cref="ParquetFileWriter"/> encodes and compresses pages.</summary>
public sealed record ParquetWriterOptions
{
    /// <summary>Codec for every page. Snappy by default.</summary>
    public ParquetCompression Compression { get; init; } = ParquetCompression.Snappy;

    /// <summary>Target uncompressed size of one data page; a column chunk is cut into pages of about this size.</summary>
    public int DataPageBytes { get; init; } = 1 << 20;

    /// <summary>
    /// Dictionary-encode columns whose dictionary page plus bit-packed indices is smaller than PLAIN over the whole
    /// chunk; falls back to plain when it is not, or when the dictionary grows past <see cref="DictionaryMaxBytes"/>.
    /// </summary>
    public bool UseDictionary { get; init; } = true;

    /// <summary>Largest dictionary page (plain-encoded bytes) before the column chunk falls back to plain.</summary>
    public int DictionaryMaxBytes { get; init; } = 1 << 20;

    /// <summary>Encode timestamp columns with DELTA_BINARY_PACKED (small for regularly spaced times).</summary>
    public bool DeltaEncodeTimestamps { get; init; } = true;

    /// <summary>Data page format: 1 (DATA_PAGE, most compatible) or 2 (DATA_PAGE_V2).</summary>
    public int DataPageVersion { get; init; } = 1;

    /// <summary>Write a CRC-32 of every page so readers can detect corruption.</summary>
    public bool WritePageChecksums { get; init; }

    /// <summary>Application name written into the footer's created_by.</summary>
    public string CreatedBy { get; init; } = "ActorTrader.Parquet version 1.0.0";

    /// <summary>
    /// How many column chunks of one row group are encoded at the same time; 1 encodes them one after another
    /// straight into the file. Above 1 each chunk is encoded into memory and then appended in schema order, so
    /// the file is byte-for-byte the same and the extra memory is about one row group's compressed size.
    /// Defaults to <see cref="Environment.ProcessorCount"/>.
    /// </summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Key-value pairs stored in the file footer.</summary>
    public IReadOnlyDictionary<string, string> KeyValueMetadata { get; init; } = new Dictionary<string, string>();
}
