using ActorTrader.Parquet.Encodings;

namespace ActorTrader.Parquet.Tests.Encodings;

public sealed class DeltaBinaryPackedTests
{
    public static TheoryData<long[]> EdgeCases => new()
    {
        Array.Empty<long>(),
        new long[] { 42 },
        new long[] { long.MinValue, long.MaxValue, long.MinValue, 0, long.MaxValue },
        new long[] { long.MaxValue, long.MaxValue - 1, long.MinValue },
        Enumerable.Range(0, 129).Select(i => (long)i).ToArray(),
        Enumerable.Range(0, 1000).Select(i => 1_700_000_000_000_000L + (i * 60_000_000L)).ToArray(),
        Enumerable.Repeat(-5L, 300).ToArray(),
        Enumerable.Range(0, 257).Select(i => i % 2 == 0 ? long.MinValue : long.MaxValue).ToArray(),
    };

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void Values_round_trip_including_extreme_deltas(long[] values)
    {
        using var buffer = new ByteBuffer();
        DeltaBinaryPackedEncoder.Encode(values, buffer);
        Assert.Equal(values.Length, DeltaBinaryPackedDecoder.PeekCount(buffer.WrittenSpan));
        var decoded = new long[values.Length];
        var consumed = DeltaBinaryPackedDecoder.Decode(buffer.WrittenSpan, decoded);
        Assert.Equal(values, decoded);
        Assert.Equal(buffer.Length, consumed);
    }

    [Fact]
    public void Random_sequences_round_trip()
    {
        var random = new Random(5);
        for (var iteration = 0; iteration < 200; iteration++)
        {
            var values = new long[random.Next(0, 700)];
            var scale = 1L << random.Next(0, 63);
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = random.NextInt64(-scale, scale);
            }

            using var buffer = new ByteBuffer();
            DeltaBinaryPackedEncoder.Encode(values, buffer);
            var decoded = new long[values.Length];
            DeltaBinaryPackedDecoder.Decode(buffer.WrittenSpan, decoded);
            Assert.Equal(values, decoded);
        }
    }

    [Fact]
    public void Spec_example_one_to_five_decodes()
    {
        // Encodings.md example 1 (1, 2, 3, 4, 5): block 128, 4 miniblocks, 5 values, first 1, min delta 1, widths 0.
        byte[] data = [0x80, 0x01, 0x04, 0x05, 0x02, 0x02, 0x00, 0x00, 0x00, 0x00];
        var decoded = new long[5];
        DeltaBinaryPackedDecoder.Decode(data, decoded);
        Assert.Equal([1L, 2, 3, 4, 5], decoded);
    }

    [Fact]
    public void A_header_with_an_invalid_block_size_is_rejected()
    {
        byte[] data = [0x05, 0x04, 0x05, 0x02];
        var error = Assert.Throws<ParquetDataException>(() => DeltaBinaryPackedDecoder.Decode(data, new long[5]));
        Assert.Contains("block size", error.Message, StringComparison.Ordinal);
    }

    // Block 128, 4 miniblocks, 2,000,000,000 values, first 0, min delta 0, widths 0: a few bytes that decode to 2e9 zeros.
    private static readonly byte[] TwoBillionZeros = [0x80, 0x01, 0x04, 0x80, 0xA8, 0xD6, 0xB9, 0x07, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00];

    [Fact]
    public void A_corrupt_count_in_an_integer_page_is_a_format_error_not_a_huge_allocation()
    {
        var codec = new ActorTrader.Parquet.Values.IntegerCodec<long, long>();

        var error = Assert.Throws<ParquetDataException>(() => codec.DecodeDeltaBinaryPacked(TwoBillionZeros, new long[10]));

        Assert.Contains("2000000000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupt_count_in_a_delta_length_byte_array_page_is_a_format_error_not_a_huge_allocation()
    {
        var error = Assert.Throws<ParquetDataException>(() => ByteArrayDecoding.DeltaLength(TwoBillionZeros, 10, (_, _) => { }));

        Assert.Contains("2000000000", error.Message, StringComparison.Ordinal);
    }
}
