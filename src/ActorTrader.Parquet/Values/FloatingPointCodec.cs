using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ActorTrader.Parquet.Encodings;
using ActorTrader.Parquet.Format;

namespace ActorTrader.Parquet.Values;

/// <summary>
/// DOUBLE as <see cref="double"/> or FLOAT as <see cref="float"/>: PLAIN is a memory copy. Statistics skip
/// NaN; a zero minimum is written as -0.0 and a zero maximum as +0.0, as the spec asks.
/// </summary>
internal sealed class FloatingPointCodec<T>() : ColumnCodec<T>(typeof(T) == typeof(double) ? PhysicalType.Double : PhysicalType.Float)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static int Width => Unsafe.SizeOf<T>();

    /// <summary>Bitwise, so NaN finds itself and -0.0 and +0.0 stay distinct entries.</summary>
    public override IEqualityComparer<T> DictionaryEquality { get; } = new BitwiseEquality();

    public override ColumnShape<T> Shape(bool nullable) => ColumnShapes.ForValueType<T>(nullable);

    public override int DecodePlain(ReadOnlySpan<byte> data, Span<T> output)
    {
        var bytes = checked(output.Length * Width);
        if (bytes > data.Length)
        {
            throw new ParquetDataException($"PLAIN {Physical.ToString().ToUpperInvariant()} needs {bytes} bytes for {output.Length} values but the page has {data.Length}.");
        }

        MemoryMarshal.Cast<byte, T>(data[..bytes]).CopyTo(output);
        return bytes;
    }

    public override void EncodePlain(ReadOnlySpan<T> values, ByteBuffer output) => output.WriteValues(values);

    public override byte[] EncodeStatistic(T value) => MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value)).ToArray();

    public override bool TryMinMax(ReadOnlySpan<T> values, out T min, out T max)
    {
        min = T.PositiveInfinity;
        max = T.NegativeInfinity;
        var any = false;
        foreach (var value in values)
        {
            if (T.IsNaN(value))
            {
                continue;
            }

            any = true;
            min = T.Min(min, value);
            max = T.Max(max, value);
        }

        if (T.IsZero(min))
        {
            min = T.NegativeZero;
        }

        if (T.IsZero(max))
        {
            max = T.Zero;
        }

        return any;
    }

    private sealed class BitwiseEquality : IEqualityComparer<T>
    {
        public bool Equals(T x, T y) => Bits(x) == Bits(y);

        public int GetHashCode(T obj) => Bits(obj).GetHashCode();

        // One comparer serves both widths; the JIT keeps only the branch for T.
        private static long Bits(T value) => typeof(T) == typeof(double) ? Unsafe.BitCast<T, long>(value) : Unsafe.BitCast<T, int>(value);
    }
}
