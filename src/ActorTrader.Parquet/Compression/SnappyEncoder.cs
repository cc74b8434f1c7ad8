using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ActorTrader.Parquet.Encodings;

namespace ActorTrader.Parquet.Compression;

/// <summary>
/// Snappy raw-block compression straight into a <see cref="ByteBuffer"/>, written to the format description
/// (github.com/google/snappy, format_description.txt): a varint of the uncompressed length, then literals and copies.
/// The input is cut into 64 KiB blocks so every copy offset fits two bytes; matches of four or more bytes are found
/// through a hash table of earlier positions, and runs without matches are skipped ever faster so incompressible
/// pages cost little. Unlike IronSnappy's encoder it allocates nothing per page, and it reads words rather than bytes.
/// </summary>
internal static class SnappyEncoder
{
    private const int BlockSize = 1 << 16;
    private const int MaxTableBits = 14;
    private const int MinTableBits = 8;
    private const uint HashMultiplier = 0x1E35A7BD;

    // Below this many bytes a block is stored as one literal: the match search needs a few bytes of slack at the end.
    private const int MinBlockToCompress = 16;

    /// <summary>The most bytes <see cref="Compress"/> can write for <paramref name="length"/> input bytes.</summary>
    public static int MaxCompressedLength(int length) => 32 + length + (length / 6);

    /// <summary>Appends the Snappy raw block of <paramref name="input"/> to <paramref name="output"/>.</summary>
    public static void Compress(ReadOnlySpan<byte> input, ByteBuffer output)
    {
        var destination = output.GetSpan(MaxCompressedLength(input.Length));
        var written = WriteVarint(destination, (uint)input.Length);
        Span<ushort> table = stackalloc ushort[1 << MaxTableBits];
        for (var start = 0; start < input.Length; start += BlockSize)
        {
            var block = input.Slice(start, Math.Min(BlockSize, input.Length - start));
            written += CompressBlock(block, destination[written..], table);
        }

        output.Advance(written);
    }

    private static int CompressBlock(ReadOnlySpan<byte> block, Span<byte> destination, Span<ushort> table)
    {
        if (block.Length < MinBlockToCompress)
        {
            return EmitLiteral(block, destination);
        }

        // A table about the size of the block: clearing 32 KiB for a 100-byte page would cost more than compressing it.
        var bits = Math.Clamp(BitOperations.Log2((uint)block.Length - 1) + 1, MinTableBits, MaxTableBits);
        var hashes = table[..(1 << bits)];
        hashes.Clear();
        var shift = 32 - bits;

        ref var source = ref MemoryMarshal.GetReference(block);

        // The shift keeps every hash below the table size, so the table is indexed without bounds checks.
        ref var table0 = ref MemoryMarshal.GetReference(hashes);
        var end = block.Length;

        // Every 4-byte load at a position up to here stays inside the block.
        var lastLoad = end - 4;
        var written = 0;
        var pendingLiteral = 0;
        var position = 1;
        while (true)
        {
            // Look for a 4-byte match, stepping further the longer nothing matches (32 misses per extra byte of step).
            var misses = 32;
            int candidate;
            uint word;
            while (true)
            {
                if (position > lastLoad)
                {
                    return written + EmitLiteral(block[pendingLiteral..], destination[written..]);
                }

                word = Load32(ref source, position);
                ref var slot = ref Unsafe.Add(ref table0, (word * HashMultiplier) >> shift);
                candidate = slot;
                slot = (ushort)position;
                if (candidate < position && Load32(ref source, candidate) == word)
                {
                    break;
                }

                position += misses++ >> 5;
            }

            if (pendingLiteral < position)
            {
                written += EmitLiteral(block[pendingLiteral..position], destination[written..]);
            }

            // Emit copies while the byte right after each one starts another match.
            do
            {
                var length = 4 + MatchLength(ref source, candidate + 4, position + 4, end);
                written += EmitCopy(position - candidate, length, destination[written..]);
                position += length;
                pendingLiteral = position;
                if (position > lastLoad)
                {
                    return pendingLiteral < end ? written + EmitLiteral(block[pendingLiteral..], destination[written..]) : written;
                }

                Unsafe.Add(ref table0, (Load32(ref source, position - 1) * HashMultiplier) >> shift) = (ushort)(position - 1);
                word = Load32(ref source, position);
                ref var slot = ref Unsafe.Add(ref table0, (word * HashMultiplier) >> shift);
                candidate = slot;
                slot = (ushort)position;
            }
            while (candidate < position && Load32(ref source, candidate) == word);

            position++;
        }
    }

    /// <summary>How many bytes from <paramref name="from"/> equal those from <paramref name="at"/> (from &lt; at), up to <paramref name="end"/>.</summary>
    private static int MatchLength(ref byte source, int from, int at, int end)
    {
        var start = at;
        while (at <= end - 8)
        {
            var difference = Load64(ref source, from) ^ Load64(ref source, at);
            if (difference != 0)
            {
                var equalBits = BitConverter.IsLittleEndian ? BitOperations.TrailingZeroCount(difference) : BitOperations.LeadingZeroCount(difference);
                return at - start + (equalBits >> 3);
            }

            from += 8;
            at += 8;
        }

        while (at < end && Unsafe.Add(ref source, from) == Unsafe.Add(ref source, at))
        {
            from++;
            at++;
        }

        return at - start;
    }

    private static int EmitLiteral(ReadOnlySpan<byte> literal, Span<byte> destination)
    {
        if (literal.IsEmpty)
        {
            return 0;
        }

        var n = (uint)literal.Length - 1;
        int header;
        if (n < 60)
        {
            destination[0] = (byte)(n << 2);
            header = 1;
        }
        else
        {
            // Tags 60..63: the length minus one follows in 1..4 little-endian bytes.
            var bytes = n < 1 << 8 ? 1 : n < 1 << 16 ? 2 : n < 1 << 24 ? 3 : 4;
            destination[0] = (byte)((59 + bytes) << 2);
            for (var i = 0; i < bytes; i++)
            {
                destination[1 + i] = (byte)(n >> (8 * i));
            }

            header = 1 + bytes;
        }

        literal.CopyTo(destination[header..]);
        return header + literal.Length;
    }

    private static int EmitCopy(int offset, int length, Span<byte> destination)
    {
        var written = 0;

        // A two-byte-offset copy carries at most 64 bytes; keep at least 4 for the last piece.
        while (length >= 68)
        {
            written += EmitCopyTwoByteOffset(offset, 64, destination[written..]);
            length -= 64;
        }

        if (length > 64)
        {
            written += EmitCopyTwoByteOffset(offset, 60, destination[written..]);
            length -= 60;
        }

        if (length >= 12 || offset >= 2048)
        {
            return written + EmitCopyTwoByteOffset(offset, length, destination[written..]);
        }

        // Lengths 4..11 with an offset below 2048 fit two bytes: 3 offset bits and the length in the tag.
        destination[written] = (byte)(1 | ((length - 4) << 2) | ((offset >> 8) << 5));
        destination[written + 1] = (byte)offset;
        return written + 2;
    }

    private static int EmitCopyTwoByteOffset(int offset, int length, Span<byte> destination)
    {
        destination[0] = (byte)(2 | ((length - 1) << 2));
        destination[1] = (byte)offset;
        destination[2] = (byte)(offset >> 8);
        return 3;
    }

    private static int WriteVarint(Span<byte> destination, uint value)
    {
        var i = 0;
        while (value >= 0x80)
        {
            destination[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[i++] = (byte)value;
        return i;
    }

    private static uint Load32(ref byte source, int position) => Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref source, position));

    private static ulong Load64(ref byte source, int position) => Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref source, position));
}
