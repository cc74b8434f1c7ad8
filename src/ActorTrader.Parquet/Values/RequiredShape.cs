namespace ActorTrader.Parquet.Values;

/// <summary>A required column held as <c>T[]</c>.</summary>
internal sealed class RequiredShape<T> : ColumnShape<T>
{
    public override bool IsNullable => false;

    public override Type ArrayType => typeof(T[]);

    public override Array Create(int count) => new T[count];

    public override Span<T> RequiredSlice(Array target, int rowOffset, int count) => ((T[])target).AsSpan(rowOffset, count);

    public override void Scatter(Array target, int rowOffset, ReadOnlySpan<int> definitionLevels, int maxDefinitionLevel, ReadOnlySpan<T> dense) =>
        dense.CopyTo(((T[])target).AsSpan(rowOffset));

    public override ReadOnlySpan<T> RequiredValues(Array source) => (T[])source;

    public override int Gather(Array source, int rowOffset, int count, Span<int> definitionLevels, Span<T> dense)
    {
        ((T[])source).AsSpan(rowOffset, count).CopyTo(dense);
        return count;
    }

    public override int FirstNull(Array source)
    {
        if (default(T) is not null)
        {
            return -1;
        }

        var values = (T[])source;
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is null)
            {
                return i;
            }
        }

        return -1;
    }
}
