using System.Buffers.Binary;

namespace ActorTrader.Parquet.Encodings;

/// <summary>
/// Splits BYTE_ARRAY page data into values for the DELTA encodings: DELTA_LENGTH_BYTE_ARRAY (delta-packed
/// lengths, then the bytes) and DELTA_BYTE_ARRAY (shared prefix + suffix per value). PLAIN is decoded
/// inline by <see cref="Values.BinaryBackedCodec{T}"/>.
/// Each value is handed to <paramref name="sink"/> as a span that is only valid during the call.
/// </summary>
internal static class ByteArrayDecoding
{
    public delegate void ValueSink(int index, ReadOnlySpan<byte> value);

    public static int DeltaLength(ReadOnlySpan<byte> data, int count, ValueSink sink)
    {
        // Sized by the page's value count, not the header's: Decode rejects a header announcing more.
        var announced = DeltaBinaryPackedDecoder.PeekCount(data);
        if (announced < count)
        {
            throw new ParquetDataException($"DELTA_LENGTH_BYTE_ARRAY has {announced} lengths for {count} values.");
        }

        var lengths = new long[count];

        var position = DeltaBinaryPackedDecoder.Decode(data, lengths);
        for (var i = 0; i < count; i++)
        {
            var length = lengths[i];
            if (length < 0 || length > data.Length - position)
            {
                throw new ParquetDataException($"DELTA_LENGTH_BYTE_ARRAY value {i} claims {length} bytes but {data.Length - position} remain.");
            }

            sink(i, data.Slice(position, (int)length));
            position += (int)length;
        }

        return position;
    }

    public static void Delta(ReadOnlySpan<byte> data, int count, ValueSink sink)
    {
        var announced = DeltaBinaryPackedDecoder.PeekCount(data);
        if (announced < count)
        {
            throw new ParquetDataException($"DELTA_BYTE_ARRAY has {announced} prefix lengths for {count} values.");
        }

        var prefixes = new long[count];

        var position = DeltaBinaryPackedDecoder.Decode(data, prefixes);
        var previous = new ByteBuffer(256);
        var current = new ByteBuffer(256);
        try
        {
            var suffixes = data[position..];
            var index = 0;
            DeltaLength(suffixes, count, (i, suffix) =>
            {
                var prefix = prefixes[i];
                if (prefix < 0 || prefix > previous.Length)
                {
                    throw new ParquetDataException($"DELTA_BYTE_ARRAY value {i} shares {prefix} bytes with a previous value of {previous.Length} bytes.");
                }

                current.Clear();
                current.Write(previous.WrittenSpan[..(int)prefix]);
                current.Write(suffix);
                sink(i, current.WrittenSpan);
                (previous, current) = (current, previous);
                index++;
            });
        }
        finally
        {
            previous.Dispose();
            current.Dispose();
        }
    }
}
