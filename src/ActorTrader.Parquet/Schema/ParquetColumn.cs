namespace ActorTrader.Parquet;

/// <summary>
/// One column chunk's values. <see cref="Values"/> is a <c>T[]</c> for required columns and a
/// <c>T?[]</c> (value types) or a reference-type array holding nulls for nullable columns, where
/// T is <see cref="ParquetColumnType.ClrType"/>. For list columns T is itself an array (<c>int[]</c>, <c>int?[]</c>,
/// <c>string[]</c>...), so Values is an array of arrays with null entries for null lists.
/// </summary>
public sealed record ParquetColumn(ParquetField Field, Array Values)
{
    /// <summary>Number of values (rows) in the chunk.</summary>
    public int Count => Values.Length;
}
