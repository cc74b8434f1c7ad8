using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace ActorTrader.Parquet.Encodings;

/// <summary>
/// Little-endian bit packing as Parquet uses it (values packed from the least significant bit of
/// each byte). Widths 0..32 for levels, indices and booleans; 0..64 for delta-encoded longs.
/// </summary>
internal static class BitPacking
{
    /// <summary>Bytes needed for <paramref name="count"/> values of <paramref name="bitWidth"/> bits.</summary>
    public static int ByteCount(int count, int bitWidth) => (int)(((long)count * bitWidth + 7) >> 3);

    /// <summary>Unpacks <c>output.Length</c> values of width ≤ 32; <paramref name="input"/> must hold them all.</summary>
    public static void Unpack32(ReadOnlySpan<byte> input, Span<int> output, int bitWidth)
    {
        var count = output.Length;
        if (bitWidth == 0)
        {
            output.Clear();
            return;
        }

        if (ByteCount(count, bitWidth) > input.Length)
        {
            throw new ParquetDataException($"Bit-packed run needs {ByteCount(count, bitWidth)} bytes but only {input.Length} remain.");
        }

        var mask = bitWidth == 32 ? ulong.MaxValue >> 32 : (1UL << bitWidth) - 1;

        // Fast path: read 8 bytes at each value's byte offset while at least 8 bytes remain.
        var fastCount = input.Length >= 8 ? Math.Min(count, (int)((((long)input.Length - 8) * 8) / bitWidth) + 1) : 0;
        ref var source = ref Unsafe.AsRef(in input[0]);
        long bit = 0;
        var i = 0;
        if (bitWidth == 1)
        {
            for (; i + 8 <= fastCount; i += 8)
            {
                int b = Unsafe.Add(ref source, i >> 3);
                output[i] = b & 1;
                output[i + 1] = (b >> 1) & 1;
                output[i + 2] = (b >> 2) & 1;
                output[i + 3] = (b >> 3) & 1;
                output[i + 4] = (b >> 4) & 1;
                output[i + 5] = (b >> 5) & 1;
                output[i + 6] = (b >> 6) & 1;
                output[i + 7] = (b >> 7) & 1;
            }

            bit = i;
        }

        for (; i < fastCount; i++, bit += bitWidth)
        {
            var word = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref source, (nint)(bit >> 3)));
            if (!BitConverter.IsLittleEndian)
            {
                word = BinaryPrimitives.ReverseEndianness(word);
            }

            output[i] = (int)((word >> (int)(bit & 7)) & mask);
        }

        for (; i < count; i++, bit += bitWidth)
        {
            output[i] = (int)ReadBitsSlow(input, bit, bitWidth);
        }
    }

    /// <summary>Unpacks values of width ≤ 64 (delta miniblocks).</summary>
    public static void Unpack64(ReadOnlySpan<byte> input, Span<long> output, int bitWidth)
    {
        var count = output.Length;
        if (bitWidth == 0)
        {
            output.Clear();
            return;
        }

        if (ByteCount(count, bitWidth) > input.Length)
        {
            throw new ParquetDataException($"Bit-packed miniblock needs {ByteCount(count, bitWidth)} bytes but only {input.Length} remain.");
        }

        long bit = 0;
        if (bitWidth <= 56)
        {
            var mask = (1UL << bitWidth) - 1;
            var fastCount = input.Length >= 8 ? Math.Min(count, (int)((((long)input.Length - 8) * 8) / bitWidth) + 1) : 0;
            for (var i = 0; i < count; i++, bit += bitWidth)
            {
                if (i < fastCount)
                {
                    var word = BinaryPrimitives.ReadUInt64LittleEndian(input[(int)(bit >> 3)..]);
                    output[i] = (long)((word >> (int)(bit & 7)) & mask);
                }
                else
                {
                    output[i] = (long)ReadBitsSlow(input, bit, bitWidth);
                }
            }

            return;
        }

        for (var i = 0; i < count; i++, bit += bitWidth)
        {
            output[i] = (long)ReadBitsSlow(input, bit, bitWidth);
        }
    }

    /// <summary>Packs values of width ≤ 32 into <paramref name="output"/> (which must be zeroed and large enough).</summary>
    public static void Pack32(ReadOnlySpan<int> values, Span<byte> output, int bitWidth)
    {
        if (bitWidth == 0)
        {
            return;
        }

        var mask = bitWidth == 32 ? uint.MaxValue : (1U << bitWidth) - 1;
        ulong buffer = 0;
        var bits = 0;
        var o = 0;
        foreach (var value in values)
        {
            buffer |= (ulong)((uint)value & mask) << bits;
            bits += bitWidth;
            while (bits >= 8)
            {
                output[o++] = (byte)buffer;
                buffer >>= 8;
                bits -= 8;
            }
        }

        if (bits > 0)
        {
            output[o] = (byte)buffer;
        }
    }

    /// <summary>Packs values of width ≤ 64 (delta miniblocks).</summary>
    public static void Pack64(ReadOnlySpan<long> values, Span<byte> output, int bitWidth)
    {
        if (bitWidth == 0)
        {
            return;
        }

        long bit = 0;
        foreach (var value in values)
        {
            var v = (ulong)value;
            for (var written = 0; written < bitWidth;)
            {
                var byteIndex = (int)(bit >> 3);
                var shift = (int)(bit & 7);
                var take = Math.Min(8 - shift, bitWidth - written);
                output[byteIndex] |= (byte)(((v >> written) & ((1UL << take) - 1)) << shift);
                written += take;
                bit += take;
            }
        }
    }

    /// <summary>Bits needed to represent <paramref name="value"/> as unsigned.</summary>
    public static int BitWidth(ulong value) => 64 - System.Numerics.BitOperations.LeadingZeroCount(value);

    private static ulong ReadBitsSlow(ReadOnlySpan<byte> input, long bit, int bitWidth)
    {
        ulong result = 0;
        for (var read = 0; read < bitWidth;)
        {
            var byteIndex = (int)(bit >> 3);
            var shift = (int)(bit & 7);
            var take = Math.Min(8 - shift, bitWidth - read);
            var part = (ulong)((input[byteIndex] >> shift) & ((1 << take) - 1));
            result |= part << read;
            read += take;
            bit += take;
        }

        return result;
    }
}
