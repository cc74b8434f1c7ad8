namespace ActorTrader.Parquet.Thrift;

/// <summary>Thrift bytes are malformed; callers wrap it in a <see cref="ParquetException"/> that names the location.</summary>
internal sealed class ThriftFormatException : Exception
{
    public ThriftFormatException(string message)
        : base(message)
    {
    }
}
