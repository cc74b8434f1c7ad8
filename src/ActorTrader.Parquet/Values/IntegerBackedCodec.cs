using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ActorTrader.Parquet.Encodings;
using ActorTrader.Parquet.Format;

namespace ActorTrader.Parquet.Values;

/// <summary>
/// Codec for logical types stored as INT32 or INT64 (<typeparamref name="TPhysical"/> is <see cref="int"/> or
/// <see cref="long"/>): integers, dates, timestamps and decimals up to 18 digits. Subclasses only convert
/// between <typeparamref name="T"/> and the physical integers; PLAIN is a memory copy and DELTA_BINARY_PACKED
/// works on longs.
/// </summary>
internal abstract class IntegerBackedCodec<TPhysical, T> : ColumnCodec<T>
    where TPhysical : unmanaged, IBinaryInteger<TPhysical>
    where T : struct
{
    protected IntegerBackedCodec()
        : base(typeof(TPhysical) == typeof(long) ? PhysicalType.Int64 : PhysicalType.Int32)
    {
    }

    private static int Width => Unsafe.SizeOf<TPhysical>();

    private static bool IsLong => typeof(TPhysical) == typeof(long);

    private static string PhysicalName => IsLong ? "INT64" : "INT32";

    public override bool SupportsDeltaEncoding => true;

    public override ColumnShape<T> Shape(bool nullable) => ColumnShapes.ForValueType<T>(nullable);

    protected abstract void FromPhysical(ReadOnlySpan<TPhysical> source, Span<T> destination);

    protected abstract void ToPhysical(ReadOnlySpan<T> source, Span<TPhysical> destination);

    public override int DecodePlain(ReadOnlySpan<byte> data, Span<T> output)
    {
        var bytes = checked(output.Length * Width);
        if (bytes > data.Length)
        {
            throw new ParquetDataException($"PLAIN {PhysicalName} needs {bytes} bytes for {output.Length} values but the page has {data.Length}.");
        }

        FromPhysical(MemoryMarshal.Cast<byte, TPhysical>(data[..bytes]), output);
        return bytes;
    }

    public override void DecodeDeltaBinaryPacked(ReadOnlySpan<byte> data, Span<T> output)
    {
        var count = DeltaBinaryPackedDecoder.PeekCount(data);
        if (count < output.Length)
        {
            throw new ParquetDataException($"DELTA_BINARY_PACKED holds {count} values but the page needs {output.Length}.");
        }

        // Sized by the page (bounded by the row group), never by the header: a corrupt count must not allocate gigabytes.
        var longs = ArrayPool<long>.Shared.Rent(output.Length);
        try
        {
            DeltaBinaryPackedDecoder.Decode(data, longs.AsSpan(0, output.Length));
            FromPhysical(NarrowInPlace(longs.AsSpan(0, output.Length)), output);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(longs);
        }
    }

    public override void EncodePlain(ReadOnlySpan<T> values, ByteBuffer output)
    {
        var bytes = values.Length * Width;
        ToPhysical(values, MemoryMarshal.Cast<byte, TPhysical>(output.GetSpan(bytes)[..bytes]));
        output.Advance(bytes);
    }

    public override void EncodeDeltaBinaryPacked(ReadOnlySpan<T> values, ByteBuffer output)
    {
        var longs = ArrayPool<long>.Shared.Rent(values.Length);
        try
        {
            var physical = MemoryMarshal.Cast<long, TPhysical>(longs.AsSpan(0, values.Length))[..values.Length];
            ToPhysical(values, physical);
            var widened = longs.AsSpan(0, values.Length);
            if (!IsLong)
            {
                // Backwards, so each long is written only after the narrower value it overlaps has been read.
                for (var i = values.Length - 1; i >= 0; i--)
                {
                    widened[i] = long.CreateTruncating(physical[i]);
                }
            }

            DeltaBinaryPackedEncoder.Encode(widened, output);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(longs);
        }
    }

    public override byte[] EncodeStatistic(T value)
    {
        Span<TPhysical> one = stackalloc TPhysical[1];
        ToPhysical([value], one);
        var bytes = new byte[Width];
        one[0].WriteLittleEndian(bytes);
        return bytes;
    }

    /// <summary>
    /// Reinterprets decoded longs as <typeparamref name="TPhysical"/> values, truncating them in place when
    /// narrower: element i lands at or before the long it came from, so no unread long is overwritten.
    /// </summary>
    private static ReadOnlySpan<TPhysical> NarrowInPlace(Span<long> values)
    {
        var physical = MemoryMarshal.Cast<long, TPhysical>(values);
        if (!IsLong)
        {
            for (var i = 0; i < values.Length; i++)
            {
                physical[i] = TPhysical.CreateTruncating(values[i]);
            }
        }

        return physical[..values.Length];
    }
}
