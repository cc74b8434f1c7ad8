using ActorTrader.Parquet.Format;
using ActorTrader.Parquet.Schema;

namespace ActorTrader.Parquet.Reading;

/// <summary>
/// Everything needed to decode one column chunk whose bytes are already in memory; <see cref="Target"/>,
/// when set, is an array of the column's shape and exactly <see cref="RowCount"/> long to decode into.
/// </summary>
internal sealed record ChunkReadContext(
    ColumnDescriptor Column,
    ColumnMetaData MetaData,
    byte[] Buffer,
    int Length,
    int RowCount,
    Array? Target = null);
