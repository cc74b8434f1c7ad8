using ActorTrader.Parquet.Thrift;

namespace ActorTrader.Parquet.Encodings;

/// <summary>
/// Decodes DELTA_BINARY_PACKED: a header (block size, miniblocks per block, count, first value)
/// then blocks of (min delta, per-miniblock bit widths, bit-packed deltas). Arithmetic wraps, so the
/// same decoder serves INT32 (truncate the result) and INT64.
/// </summary>
internal static class DeltaBinaryPackedDecoder
{
    /// <summary>Number of values announced by the header, without decoding.</summary>
    public static int PeekCount(ReadOnlySpan<byte> data)
    {
        var position = 0;
        ReadVarint(data, ref position);
        ReadVarint(data, ref position);
        return CheckedCount(ReadVarint(data, ref position));
    }

    /// <summary>Decodes all values into <paramref name="output"/> (sized by <see cref="PeekCount"/>); returns bytes consumed.</summary>
    public static int Decode(ReadOnlySpan<byte> data, Span<long> output)
    {
        var position = 0;
        var blockSize = ReadVarint(data, ref position);
        var miniblocks = ReadVarint(data, ref position);
        var total = CheckedCount(ReadVarint(data, ref position));
        var value = ZigZag.Decode64(ReadVarint(data, ref position));
        if (blockSize == 0 || blockSize % 128 != 0 || miniblocks == 0 || blockSize % miniblocks != 0 || blockSize > (1 << 20))
        {
            throw new ParquetDataException($"DELTA_BINARY_PACKED header has block size {blockSize} and {miniblocks} miniblocks; the block size must be a multiple of 128 divisible by the miniblock count.");
        }

        var perMiniblock = (int)(blockSize / miniblocks);
        if (perMiniblock % 32 != 0)
        {
            throw new ParquetDataException($"DELTA_BINARY_PACKED miniblocks hold {perMiniblock} values; it must be a multiple of 32.");
        }

        if (total > output.Length)
        {
            throw new ParquetDataException($"DELTA_BINARY_PACKED announces {total} values but the page holds {output.Length}.");
        }

        if (total == 0)
        {
            return position;
        }

        output[0] = value;
        var produced = 1;
        Span<byte> widths = stackalloc byte[(int)miniblocks];
        while (produced < total)
        {
            var minDelta = ZigZag.Decode64(ReadVarint(data, ref position));
            if (position + (int)miniblocks > data.Length)
            {
                throw new ParquetDataException("DELTA_BINARY_PACKED block header runs past the end of the page.");
            }

            data.Slice(position, (int)miniblocks).CopyTo(widths);
            position += (int)miniblocks;
            for (var m = 0; m < (int)miniblocks && produced < total; m++)
            {
                int width = widths[m];
                if (width > 64)
                {
                    throw new ParquetDataException($"DELTA_BINARY_PACKED miniblock bit width {width} exceeds 64.");
                }

                var bytes = perMiniblock * width / 8;
                var take = Math.Min(perMiniblock, total - produced);
                var needed = BitPacking.ByteCount(take, width);
                if (position + needed > data.Length)
                {
                    throw new ParquetDataException("DELTA_BINARY_PACKED miniblock runs past the end of the page.");
                }

                var deltas = output.Slice(produced, take);
                BitPacking.Unpack64(data.Slice(position, Math.Min(bytes, data.Length - position)), deltas, width);
                for (var k = 0; k < deltas.Length; k++)
                {
                    value = unchecked(value + minDelta + deltas[k]);
                    deltas[k] = value;
                }

                produced += take;
                position += Math.Min(bytes, data.Length - position);
            }
        }

        return position;
    }

    private static int CheckedCount(ulong count)
    {
        if (count > int.MaxValue)
        {
            throw new ParquetDataException($"DELTA_BINARY_PACKED announces {count} values, which is impossible.");
        }

        return (int)count;
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> data, ref int position)
    {
        ulong result = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            if (position >= data.Length)
            {
                throw new ParquetDataException("DELTA_BINARY_PACKED data ends inside a varint.");
            }

            var b = data[position++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw new ParquetDataException("DELTA_BINARY_PACKED varint is longer than 10 bytes.");
    }
}
