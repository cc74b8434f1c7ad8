namespace ActorTrader.Parquet.Encodings;

/// <summary>
/// Encodes values with the RLE / bit-packed hybrid: runs of 8 or more equal values become RLE runs,
/// everything else is bit-packed in groups of 8 (the final group padded with zeros).
/// </summary>
internal static class RleHybridEncoder
{
    public static void Encode(ReadOnlySpan<int> values, int bitWidth, ByteBuffer output)
    {
        var pendingStart = 0;
        var pendingCount = 0;
        var i = 0;
        while (i < values.Length)
        {
            var value = values[i];
            var run = 1;
            while (i + run < values.Length && values[i + run] == value)
            {
                run++;
            }

            if (run >= 8)
            {
                // Top up the pending bit-packed values to a whole group before switching to RLE.
                var topUp = pendingCount % 8 == 0 ? 0 : 8 - (pendingCount % 8);
                if (run - topUp >= 8)
                {
                    pendingCount += topUp;
                    WritePacked(values.Slice(pendingStart, pendingCount), bitWidth, output);
                    var rle = run - topUp;
                    WriteRle(value, rle, bitWidth, output);
                    i += run;
                    pendingStart = i;
                    pendingCount = 0;
                    continue;
                }
            }

            pendingCount += run;
            i += run;
        }

        WritePacked(values.Slice(pendingStart, pendingCount), bitWidth, output);
    }

    /// <summary>Upper bound of the encoded size, for buffer sizing.</summary>
    public static int MaxSize(int count, int bitWidth) => (count / 8 * (bitWidth + 2)) + bitWidth + 16;

    private static void WriteRle(int value, int count, int bitWidth, ByteBuffer output)
    {
        output.WriteVarint((ulong)count << 1);
        var valueBytes = (bitWidth + 7) / 8;
        for (var b = 0; b < valueBytes; b++)
        {
            output.WriteByte((byte)(value >> (8 * b)));
        }
    }

    private static void WritePacked(ReadOnlySpan<int> values, int bitWidth, ByteBuffer output)
    {
        if (values.Length == 0)
        {
            return;
        }

        var groups = (values.Length + 7) / 8;
        output.WriteVarint(((ulong)groups << 1) | 1);
        var bytes = groups * bitWidth;
        var span = output.GetSpan(bytes)[..bytes];
        span.Clear();
        BitPacking.Pack32(values, span, bitWidth);
        output.Advance(bytes);
    }
}
