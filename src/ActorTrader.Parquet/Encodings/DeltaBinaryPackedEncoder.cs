using ActorTrader.Parquet.Thrift;

namespace ActorTrader.Parquet.Encodings;

/// <summary>Encodes DELTA_BINARY_PACKED with blocks of 128 values in 4 miniblocks of 32.</summary>
internal static class DeltaBinaryPackedEncoder
{
    private const int BlockSize = 128;
    private const int Miniblocks = 4;
    private const int PerMiniblock = BlockSize / Miniblocks;

    public static void Encode(ReadOnlySpan<long> values, ByteBuffer output)
    {
        output.WriteVarint(BlockSize);
        output.WriteVarint(Miniblocks);
        output.WriteVarint((ulong)values.Length);
        output.WriteVarint(values.Length == 0 ? 0 : ZigZag.Encode64(values[0]));
        Span<long> deltas = stackalloc long[BlockSize];
        Span<byte> widths = stackalloc byte[Miniblocks];
        for (var start = 1; start < values.Length; start += BlockSize)
        {
            var count = Math.Min(BlockSize, values.Length - start);
            var minDelta = long.MaxValue;
            for (var i = 0; i < count; i++)
            {
                var delta = unchecked(values[start + i] - values[start + i - 1]);
                deltas[i] = delta;
                minDelta = Math.Min(minDelta, delta);
            }

            // Deltas relative to the minimum are non-negative when read as unsigned 64-bit.
            for (var i = 0; i < count; i++)
            {
                deltas[i] = unchecked(deltas[i] - minDelta);
            }

            deltas[count..].Clear();
            var usedMiniblocks = (count + PerMiniblock - 1) / PerMiniblock;
            for (var m = 0; m < Miniblocks; m++)
            {
                ulong or = 0;
                if (m < usedMiniblocks)
                {
                    foreach (var d in deltas.Slice(m * PerMiniblock, PerMiniblock))
                    {
                        or |= (ulong)d;
                    }
                }

                widths[m] = (byte)BitPacking.BitWidth(or);
            }

            output.WriteVarint(ZigZag.Encode64(minDelta));
            output.Write(widths);
            for (var m = 0; m < usedMiniblocks; m++)
            {
                var bytes = PerMiniblock * widths[m] / 8;
                var span = output.GetSpan(bytes)[..bytes];
                span.Clear();
                BitPacking.Pack64(deltas.Slice(m * PerMiniblock, PerMiniblock), span, widths[m]);
                output.Advance(bytes);
            }
        }
    }
}
