namespace ActorTrader.Parquet.Values;

/// <summary>A nullable reference-type column (string, byte[]) held as <c>T[]</c> with nulls.</summary>
internal sealed class NullableClassShape<T> : ColumnShape<T>
    where T : class
{
    public override bool IsNullable => true;

    public override Type ArrayType => typeof(T[]);

    public override Array Create(int count) => new T[count];

    public override void Scatter(Array target, int rowOffset, ReadOnlySpan<int> definitionLevels, int maxDefinitionLevel, ReadOnlySpan<T> dense)
    {
        var output = ((T[])target).AsSpan(rowOffset, definitionLevels.Length);
        var d = 0;
        for (var i = 0; i < output.Length; i++)
        {
            if (definitionLevels[i] == maxDefinitionLevel)
            {
                output[i] = dense[d++];
            }
        }
    }

    public override int Gather(Array source, int rowOffset, int count, Span<int> definitionLevels, Span<T> dense)
    {
        var input = ((T[])source).AsSpan(rowOffset, count);
        var d = 0;
        for (var i = 0; i < input.Length; i++)
        {
            var value = input[i];
            if (value is not null)
            {
                definitionLevels[i] = 1;
                dense[d++] = value;
            }
            else
            {
                definitionLevels[i] = 0;
            }
        }

        return d;
    }
}
