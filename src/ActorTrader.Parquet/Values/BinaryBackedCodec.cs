using System.Buffers;
using System.Buffers.Binary;
using ActorTrader.Parquet.Encodings;
using ActorTrader.Parquet.Format;

namespace ActorTrader.Parquet.Values;

/// <summary>Codec for logical types stored as BYTE_ARRAY or FIXED_LEN_BYTE_ARRAY.</summary>
internal abstract class BinaryBackedCodec<T> : ColumnCodec<T>
    where T : notnull
{
    protected BinaryBackedCodec(PhysicalType physical, int typeLength)
        : base(physical, typeLength)
    {
    }

    protected bool IsFixed => Physical == PhysicalType.FixedLenByteArray;

    protected abstract T FromBytes(ReadOnlySpan<byte> bytes);

    /// <summary>Writes the value's bytes; returns how many were written.</summary>
    protected abstract int ToBytes(T value, Span<byte> destination);

    /// <summary>Upper bound of <see cref="ToBytes"/> for this value.</summary>
    protected abstract int MaxByteLength(T value);

    public override int DecodePlain(ReadOnlySpan<byte> data, Span<T> output)
    {
        if (IsFixed)
        {
            var length = TypeLength;
            var total = (long)output.Length * length;
            if (total > data.Length)
            {
                throw new ParquetDataException($"PLAIN FIXED_LEN_BYTE_ARRAY({length}) needs {total} bytes for {output.Length} values but the page has {data.Length}.");
            }

            for (var i = 0; i < output.Length; i++)
            {
                output[i] = FromBytes(data.Slice(i * length, length));
            }

            return (int)total;
        }

        var position = 0;
        for (var i = 0; i < output.Length; i++)
        {
            if (data.Length - position < 4)
            {
                throw new ParquetDataException($"PLAIN BYTE_ARRAY value {i} of {output.Length}: the length prefix runs past the end of the page.");
            }

            var length = BinaryPrimitives.ReadInt32LittleEndian(data[position..]);
            position += 4;
            if (length < 0 || length > data.Length - position)
            {
                throw new ParquetDataException($"PLAIN BYTE_ARRAY value {i} of {output.Length} claims {length} bytes but {data.Length - position} remain.");
            }

            output[i] = FromBytes(data.Slice(position, length));
            position += length;
        }

        return position;
    }

    public override void DecodeDeltaLengthByteArray(ReadOnlySpan<byte> data, Span<T> output) => DecodeDelta(data, output, sharedPrefixes: false);

    public override void DecodeDeltaByteArray(ReadOnlySpan<byte> data, Span<T> output) => DecodeDelta(data, output, sharedPrefixes: true);

    public override void EncodePlain(ReadOnlySpan<T> values, ByteBuffer output)
    {
        foreach (var value in values)
        {
            if (IsFixed)
            {
                var span = output.GetSpan(TypeLength);
                var written = ToBytes(value, span);
                if (written != TypeLength)
                {
                    throw new ArgumentException($"A value has {written} bytes but the column is FIXED_LEN_BYTE_ARRAY({TypeLength}).");
                }

                output.Advance(written);
            }
            else
            {
                var span = output.GetSpan(MaxByteLength(value) + 4);
                var written = ToBytes(value, span[4..]);
                BinaryPrimitives.WriteInt32LittleEndian(span, written);
                output.Advance(written + 4);
            }
        }
    }

    public override byte[] EncodeStatistic(T value)
    {
        var buffer = new byte[MaxByteLength(value)];
        var written = ToBytes(value, buffer);
        return buffer.AsSpan(0, written).ToArray();
    }

    public override object? DecodeStatistic(byte[] bytes)
    {
        if (IsFixed && bytes.Length != TypeLength)
        {
            return null;
        }

        return FromBytes(bytes);
    }

    public override long PlainSize(ReadOnlySpan<T> values)
    {
        if (IsFixed)
        {
            return (long)values.Length * TypeLength;
        }

        long total = 0;
        foreach (var value in values)
        {
            total += 4 + MaxByteLength(value);
        }

        return total;
    }

    /// <summary>DELTA_BYTE_ARRAY when <paramref name="sharedPrefixes"/>, else DELTA_LENGTH_BYTE_ARRAY.</summary>
    private void DecodeDelta(ReadOnlySpan<byte> data, Span<T> output, bool sharedPrefixes)
    {
        // The value sink is a delegate, which cannot capture a span, so values collect in a pooled array.
        var values = ArrayPool<T>.Shared.Rent(output.Length);
        try
        {
            ByteArrayDecoding.ValueSink sink = (i, bytes) => values[i] = FromBytes(bytes);
            if (sharedPrefixes)
            {
                ByteArrayDecoding.Delta(data, output.Length, sink);
            }
            else
            {
                ByteArrayDecoding.DeltaLength(data, output.Length, sink);
            }

            values.AsSpan(0, output.Length).CopyTo(output);
        }
        finally
        {
            ArrayPool<T>.Shared.Return(values, clearArray: true);
        }
    }
}
