using ActorTrader.Parquet.Format;
using ActorTrader.Parquet.Values;

namespace ActorTrader.Parquet.Schema;

/// <summary>
/// One leaf column of a file: its public field, physical storage, level limits and codec. Leaves
/// under repeated nodes (lists, maps) are described but not readable (<see cref="UnsupportedReason"/>).
/// </summary>
internal sealed record ColumnDescriptor(
    int LeafIndex,
    IReadOnlyList<string> Path,
    ParquetField? Field,
    PhysicalType Physical,
    int TypeLength,
    int MaxDefinitionLevel,
    int MaxRepetitionLevel,
    ColumnCodec? Codec,
    string? UnsupportedReason)
{
    /// <summary>Dotted path; the plain name for top-level columns.</summary>
    public string Name => string.Join('.', Path);
}
