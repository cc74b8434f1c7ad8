namespace ActorTrader.Parquet.Encodings;

/// <summary>Encoded page bytes are malformed; the column reader wraps it with the file, row group and column.</summary>
internal sealed class ParquetDataException : Exception
{
    public ParquetDataException(string message)
        : base(message)
    {
    }
}
