using ActorTrader.Parquet.Format;
using ActorTrader.Parquet.Schema;

namespace ActorTrader.Parquet.Reading;

/// <summary>Everything needed to decode one column chunk whose bytes are already in memory.</summary>
internal sealed record ChunkReadContext(
    ColumnDescriptor Column,
    ColumnMetaData MetaData,
    byte[] Buffer,
    int Length,
    int RowCount);
