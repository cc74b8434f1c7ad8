using System.Text;
using Encoding = System.Text.Encoding;
using ActorTrader.Parquet.Format;

namespace ActorTrader.Parquet.Values;

/// <summary>BYTE_ARRAY STRING as UTF-8 <see cref="string"/>; statistics ordered by UTF-8 bytes.</summary>
internal sealed class StringCodec() : BinaryBackedCodec<string>(PhysicalType.ByteArray, 0)
{
    public override IComparer<string> SortOrder { get; } = new Utf8Order();

    public override IEqualityComparer<string> DictionaryEquality => StringComparer.Ordinal;

    public override ColumnShape<string> Shape(bool nullable) => ColumnShapes.ForReferenceType<string>(nullable);

    protected override string FromBytes(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);

    protected override int ToBytes(string value, Span<byte> destination) => Encoding.UTF8.GetBytes(value, destination);

    protected override int MaxByteLength(string value) => value.Length <= 64 ? Encoding.UTF8.GetMaxByteCount(value.Length) : Encoding.UTF8.GetByteCount(value);

    public override long PlainSize(ReadOnlySpan<string> values)
    {
        long total = 0;
        foreach (var value in values)
        {
            total += 4 + value.Length;
        }

        return total;
    }

    /// <summary>Ordinal order of the UTF-8 encodings: UTF-16 order with surrogates moved above U+FFFF.</summary>
    private sealed class Utf8Order : IComparer<string>
    {
        public int Compare(string? x, string? y)
        {
            if (x is null || y is null)
            {
                return x is null ? (y is null ? 0 : -1) : 1;
            }

            var length = Math.Min(x.Length, y.Length);
            for (var i = 0; i < length; i++)
            {
                var a = x[i];
                var b = y[i];
                if (a != b)
                {
                    return Fix(a) - Fix(b);
                }
            }

            return x.Length - y.Length;
        }

        private static int Fix(char c) => c < 0xD800 ? c : c < 0xE000 ? c + 0x2000 : c - 0x800;
    }
}
