using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using ActorTrader.Parquet.Encodings;
using ActorTrader.Parquet.Format;

namespace ActorTrader.Parquet.Values;

/// <summary>Codec for logical types stored as INT32 (narrow integers, dates, small decimals).</summary>
internal abstract class Int32BackedCodec<T> : ColumnCodec<T>
    where T : struct
{
    protected Int32BackedCodec()
        : base(PhysicalType.Int32)
    {
    }

    public override bool SupportsDeltaEncoding => true;

    public override ColumnShape<T> Shape(bool nullable) => nullable ? new NullableStructShape<T>() : new RequiredShape<T>();

    protected abstract void FromPhysical(ReadOnlySpan<int> source, Span<T> destination);

    protected abstract void ToPhysical(ReadOnlySpan<T> source, Span<int> destination);

    public override int DecodePlain(ReadOnlySpan<byte> data, Span<T> output)
    {
        var bytes = checked(output.Length * 4);
        if (bytes > data.Length)
        {
            throw new ParquetDataException($"PLAIN INT32 needs {bytes} bytes for {output.Length} values but the page has {data.Length}.");
        }

        FromPhysical(MemoryMarshal.Cast<byte, int>(data[..bytes]), output);
        return bytes;
    }

    public override void DecodeDeltaBinaryPacked(ReadOnlySpan<byte> data, Span<T> output)
    {
        var longs = ArrayPool<long>.Shared.Rent(Math.Max(output.Length, DeltaBinaryPackedDecoder.PeekCount(data)));
        var ints = ArrayPool<int>.Shared.Rent(output.Length);
        try
        {
            var count = DeltaBinaryPackedDecoder.PeekCount(data);
            if (count < output.Length)
            {
                throw new ParquetDataException($"DELTA_BINARY_PACKED holds {count} values but the page needs {output.Length}.");
            }

            DeltaBinaryPackedDecoder.Decode(data, longs.AsSpan(0, count));
            for (var i = 0; i < output.Length; i++)
            {
                ints[i] = unchecked((int)longs[i]);
            }

            FromPhysical(ints.AsSpan(0, output.Length), output);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(longs);
            ArrayPool<int>.Shared.Return(ints);
        }
    }

    public override void EncodePlain(ReadOnlySpan<T> values, ByteBuffer output)
    {
        var span = MemoryMarshal.Cast<byte, int>(output.GetSpan(values.Length * 4)[..(values.Length * 4)]);
        ToPhysical(values, span);
        output.Advance(values.Length * 4);
    }

    public override void EncodeDeltaBinaryPacked(ReadOnlySpan<T> values, ByteBuffer output)
    {
        var ints = ArrayPool<int>.Shared.Rent(values.Length);
        var longs = ArrayPool<long>.Shared.Rent(values.Length);
        try
        {
            ToPhysical(values, ints.AsSpan(0, values.Length));
            for (var i = 0; i < values.Length; i++)
            {
                longs[i] = ints[i];
            }

            DeltaBinaryPackedEncoder.Encode(longs.AsSpan(0, values.Length), output);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(ints);
            ArrayPool<long>.Shared.Return(longs);
        }
    }

    public override byte[] EncodeStatistic(T value)
    {
        Span<int> one = stackalloc int[1];
        ToPhysical([value], one);
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, one[0]);
        return bytes;
    }
}
