namespace ActorTrader.Parquet.Values;

/// <summary>
/// How a column's values sit in a CLR array: <c>T[]</c> (required), <c>T?[]</c> (nullable value
/// type) or a reference-type <c>T[]</c> holding nulls. Moves values between such an array and the
/// dense non-null values plus definition levels that pages store.
/// </summary>
internal abstract class ColumnShape<T>
{
    public abstract bool IsNullable { get; }

    /// <summary>The CLR array type a column of this shape must be.</summary>
    public abstract Type ArrayType { get; }

    public abstract Array Create(int count);

    /// <summary>For required shapes: the output slice pages decode into directly.</summary>
    public virtual Span<T> RequiredSlice(Array target, int rowOffset, int count) =>
        throw new InvalidOperationException("Only required columns decode in place.");

    /// <summary>Places dense values at rows whose definition level equals <paramref name="maxDefinitionLevel"/>; other rows stay null.</summary>
    public abstract void Scatter(Array target, int rowOffset, ReadOnlySpan<int> definitionLevels, int maxDefinitionLevel, ReadOnlySpan<T> dense);

    /// <summary>For required shapes: the source values as a span (no copy).</summary>
    public virtual ReadOnlySpan<T> RequiredValues(Array source) =>
        throw new InvalidOperationException("Only required columns expose values directly.");

    /// <summary>Fills definition levels (0 null, 1 value) and dense values for rows [offset, offset+count); returns the non-null count.</summary>
    public abstract int Gather(Array source, int rowOffset, int count, Span<int> definitionLevels, Span<T> dense);

    /// <summary>Index of the first null in a required reference-type column, or -1.</summary>
    public virtual int FirstNull(Array source) => -1;
}
