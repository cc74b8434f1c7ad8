using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using ActorTrader.Parquet.Encodings;
using ActorTrader.Parquet.Format;

namespace ActorTrader.Parquet.Values;

/// <summary>Codec for logical types stored as INT64 (longs, timestamps, decimals up to 18 digits).</summary>
internal abstract class Int64BackedCodec<T> : ColumnCodec<T>
    where T : struct
{
    protected Int64BackedCodec()
        : base(PhysicalType.Int64)
    {
    }

    public override bool SupportsDeltaEncoding => true;

    public override ColumnShape<T> Shape(bool nullable) => nullable ? new NullableStructShape<T>() : new RequiredShape<T>();

    protected abstract void FromPhysical(ReadOnlySpan<long> source, Span<T> destination);

    protected abstract void ToPhysical(ReadOnlySpan<T> source, Span<long> destination);

    public override int DecodePlain(ReadOnlySpan<byte> data, Span<T> output)
    {
        var bytes = checked(output.Length * 8);
        if (bytes > data.Length)
        {
            throw new ParquetDataException($"PLAIN INT64 needs {bytes} bytes for {output.Length} values but the page has {data.Length}.");
        }

        FromPhysical(MemoryMarshal.Cast<byte, long>(data[..bytes]), output);
        return bytes;
    }

    public override void DecodeDeltaBinaryPacked(ReadOnlySpan<byte> data, Span<T> output)
    {
        var count = DeltaBinaryPackedDecoder.PeekCount(data);
        if (count < output.Length)
        {
            throw new ParquetDataException($"DELTA_BINARY_PACKED holds {count} values but the page needs {output.Length}.");
        }

        var longs = ArrayPool<long>.Shared.Rent(count);
        try
        {
            DeltaBinaryPackedDecoder.Decode(data, longs.AsSpan(0, count));
            FromPhysical(longs.AsSpan(0, output.Length), output);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(longs);
        }
    }

    public override void EncodePlain(ReadOnlySpan<T> values, ByteBuffer output)
    {
        var span = MemoryMarshal.Cast<byte, long>(output.GetSpan(values.Length * 8)[..(values.Length * 8)]);
        ToPhysical(values, span);
        output.Advance(values.Length * 8);
    }

    public override void EncodeDeltaBinaryPacked(ReadOnlySpan<T> values, ByteBuffer output)
    {
        var longs = ArrayPool<long>.Shared.Rent(values.Length);
        try
        {
            ToPhysical(values, longs.AsSpan(0, values.Length));
            DeltaBinaryPackedEncoder.Encode(longs.AsSpan(0, values.Length), output);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(longs);
        }
    }

    public override byte[] EncodeStatistic(T value)
    {
        Span<long> one = stackalloc long[1];
        ToPhysical([value], one);
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, one[0]);
        return bytes;
    }
}
