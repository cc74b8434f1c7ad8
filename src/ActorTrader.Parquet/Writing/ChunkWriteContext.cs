namespace ActorTrader.Parquet.Writing;

/// <summary>Where and how one column chunk is written.</summary>
internal sealed record ChunkWriteContext(ParquetField Field, ParquetWriterOptions Options, PageSink Sink);
