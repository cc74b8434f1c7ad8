using System.Buffers.Binary;

namespace ActorTrader.Parquet.Compression;

/// <summary>
/// Snappy raw-block decompression straight into a caller-owned span (IronSnappy only offers an
/// allocating API). Every length and offset is validated so corrupt input becomes an error, not a crash.
/// </summary>
internal static class SnappyDecoder
{
    public static int GetUncompressedLength(ReadOnlySpan<byte> input)
    {
        var position = 0;
        return ReadLength(input, ref position);
    }

    public static void Decompress(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var position = 0;
        var length = ReadLength(input, ref position);
        if (length != output.Length)
        {
            throw new InvalidDataException($"Snappy block holds {length} bytes but the page header says {output.Length}.");
        }

        var o = 0;
        while (position < input.Length)
        {
            var tag = input[position++];
            int copyLength;
            int offset;
            switch (tag & 3)
            {
                case 0:
                    {
                        var literal = tag >> 2;
                        if (literal >= 60)
                        {
                            var extra = literal - 59;
                            if (position + extra > input.Length)
                            {
                                throw new InvalidDataException("Snappy literal length runs past the end of the block.");
                            }

                            literal = 0;
                            for (var i = 0; i < extra; i++)
                            {
                                literal |= input[position + i] << (8 * i);
                            }

                            position += extra;
                        }

                        var count = (long)(uint)literal + 1;
                        if (count > input.Length - position || count > output.Length - o)
                        {
                            throw new InvalidDataException("Snappy literal runs past the end of the block or the output.");
                        }

                        input.Slice(position, (int)count).CopyTo(output[o..]);
                        position += (int)count;
                        o += (int)count;
                        continue;
                    }

                case 1:
                    if (position >= input.Length)
                    {
                        throw new InvalidDataException("Snappy copy runs past the end of the block.");
                    }

                    copyLength = 4 + ((tag >> 2) & 7);
                    offset = ((tag >> 5) << 8) | input[position++];
                    break;
                case 2:
                    if (position + 2 > input.Length)
                    {
                        throw new InvalidDataException("Snappy copy runs past the end of the block.");
                    }

                    copyLength = 1 + (tag >> 2);
                    offset = BinaryPrimitives.ReadUInt16LittleEndian(input[position..]);
                    position += 2;
                    break;
                default:
                    if (position + 4 > input.Length)
                    {
                        throw new InvalidDataException("Snappy copy runs past the end of the block.");
                    }

                    copyLength = 1 + (tag >> 2);
                    offset = BinaryPrimitives.ReadInt32LittleEndian(input[position..]);
                    position += 4;
                    break;
            }

            if (offset <= 0 || offset > o || copyLength > output.Length - o)
            {
                throw new InvalidDataException($"Snappy copy of {copyLength} bytes from offset {offset} is outside the {o} bytes written so far.");
            }

            if (offset >= copyLength)
            {
                output.Slice(o - offset, copyLength).CopyTo(output[o..]);
            }
            else
            {
                // Overlapping copy repeats a short pattern; it must go byte by byte.
                for (var i = 0; i < copyLength; i++)
                {
                    output[o + i] = output[o - offset + i];
                }
            }

            o += copyLength;
        }

        if (o != output.Length)
        {
            throw new InvalidDataException($"Snappy block decoded to {o} bytes but announced {output.Length}.");
        }
    }

    private static int ReadLength(ReadOnlySpan<byte> input, ref int position)
    {
        ulong result = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (position >= input.Length)
            {
                throw new InvalidDataException("Snappy block ends inside its length header.");
            }

            var b = input[position++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                if (result > int.MaxValue)
                {
                    throw new InvalidDataException($"Snappy block announces {result} bytes, which is too large.");
                }

                return (int)result;
            }
        }

        throw new InvalidDataException("Snappy length header is too long.");
    }
}
