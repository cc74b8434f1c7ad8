using ActorTrader.Parquet.Format;

namespace ActorTrader.Parquet.Values;

/// <summary>Unannotated BYTE_ARRAY or FIXED_LEN_BYTE_ARRAY as <see cref="byte"/>[]; unsigned lexicographic order.</summary>
internal sealed class BytesCodec(PhysicalType physical, int typeLength) : BinaryBackedCodec<byte[]>(physical, typeLength)
{
    public override IComparer<byte[]> SortOrder { get; } = new UnsignedOrder();

    public override IEqualityComparer<byte[]> DictionaryEquality { get; } = new ContentEquality();

    public override ColumnShape<byte[]> Shape(bool nullable) => ColumnShapes.ForReferenceType<byte[]>(nullable);

    protected override byte[] FromBytes(ReadOnlySpan<byte> bytes) => bytes.ToArray();

    protected override int ToBytes(byte[] value, Span<byte> destination)
    {
        if (IsFixed && value.Length != TypeLength)
        {
            throw new ArgumentException($"A value has {value.Length} bytes but the column is FIXED_LEN_BYTE_ARRAY({TypeLength}).");
        }

        value.CopyTo(destination);
        return value.Length;
    }

    protected override int MaxByteLength(byte[] value) => value.Length;

    private sealed class UnsignedOrder : IComparer<byte[]>
    {
        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }

    private sealed class ContentEquality : IEqualityComparer<byte[]>
    {
        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj)
        {
            var hash = default(HashCode);
            hash.AddBytes(obj);
            return hash.ToHashCode();
        }
    }
}
