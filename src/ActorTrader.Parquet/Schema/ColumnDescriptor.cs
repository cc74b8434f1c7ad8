using ActorTrader.Parquet.Format;
using ActorTrader.Parquet.Values;

namespace ActorTrader.Parquet.Schema;

/// <summary>
/// One leaf column of a file: its public field, physical storage, level limits and codec. Leaves
/// under a single LIST of primitives are readable as list columns (<see cref="ListEmptyDefinitionLevel"/>:
/// below it the list is null, at it the list is empty); other repeated leaves (maps, nested lists) are described but not readable (<see cref="UnsupportedReason"/>).
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
    string? UnsupportedReason,
    int ListEmptyDefinitionLevel = -1)
{
    /// <summary>Whether this leaf is read as a list column (one array per row, see <see cref="ParquetColumnType.List"/>).</summary>
    public bool IsList => ListEmptyDefinitionLevel >= 0;

    /// <summary>Dotted path; the plain name for top-level columns.</summary>
    public string Name => string.Join('.', Path);
}
