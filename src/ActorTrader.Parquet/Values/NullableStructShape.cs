namespace ActorTrader.Parquet.Values;

/// <summary>A nullable value-type column held as <c>T?[]</c>.</summary>
internal sealed class NullableStructShape<T> : ColumnShape<T>
    where T : struct
{
    public override bool IsNullable => true;

    public override Type ArrayType => typeof(T?[]);

    public override Array Create(int count) => new T?[count];

    public override void Scatter(Array target, int rowOffset, ReadOnlySpan<int> definitionLevels, int maxDefinitionLevel, ReadOnlySpan<T> dense)
    {
        var output = ((T?[])target).AsSpan(rowOffset, definitionLevels.Length);
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
        var input = ((T?[])source).AsSpan(rowOffset, count);
        var d = 0;
        for (var i = 0; i < input.Length; i++)
        {
            var value = input[i];
            if (value.HasValue)
            {
                definitionLevels[i] = 1;
                dense[d++] = value.GetValueOrDefault();
            }
            else
            {
                definitionLevels[i] = 0;
            }
        }

        return d;
    }
}
