using ActorTrader.Parquet.Encodings;

namespace ActorTrader.Parquet.Tests.Encodings;

public sealed class BitPackingTests
{
    [Fact]
    public void Every_width_from_0_to_32_round_trips()
    {
        var random = new Random(11);
        for (var width = 0; width <= 32; width++)
        {
            foreach (var count in new[] { 1, 3, 8, 31, 64, 257 })
            {
                var values = new int[count];
                for (var i = 0; i < count; i++)
                {
                    values[i] = width == 0 ? 0 : (int)(uint)(random.NextInt64(0, 1L << width));
                }

                var packed = new byte[BitPacking.ByteCount(count, width)];
                BitPacking.Pack32(values, packed, width);
                var unpacked = new int[count];
                BitPacking.Unpack32(packed, unpacked, width);
                Assert.True(values.AsSpan().SequenceEqual(unpacked), $"width {width}, count {count}");
            }
        }
    }

    [Fact]
    public void Every_width_from_0_to_64_round_trips_for_longs()
    {
        var random = new Random(12);
        for (var width = 0; width <= 64; width++)
        {
            var values = new long[100];
            for (var i = 0; i < values.Length; i++)
            {
                var bits = (ulong)random.NextInt64() ^ ((ulong)random.Next() << 63);
                values[i] = width == 64 ? (long)bits : (long)(bits & ((1UL << width) - 1));
            }

            var packed = new byte[BitPacking.ByteCount(values.Length, width)];
            BitPacking.Pack64(values, packed, width);
            var unpacked = new long[values.Length];
            BitPacking.Unpack64(packed, unpacked, width);
            Assert.True(values.AsSpan().SequenceEqual(unpacked), $"width {width}");
        }
    }

    [Fact]
    public void Packing_is_least_significant_bit_first()
    {
        var packed = new byte[1];
        BitPacking.Pack32([1, 0, 1, 1, 0, 0, 0, 1], packed, 1);
        Assert.Equal(0b10001101, packed[0]);
    }

    [Fact]
    public void Too_few_bytes_for_the_values_is_an_error()
    {
        var error = Assert.Throws<ParquetDataException>(() => BitPacking.Unpack32(new byte[2], new int[8], 3));
        Assert.Contains("bytes", error.Message, StringComparison.Ordinal);
    }
}
