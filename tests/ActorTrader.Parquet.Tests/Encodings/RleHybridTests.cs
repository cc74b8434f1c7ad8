using ActorTrader.Parquet.Encodings;

namespace ActorTrader.Parquet.Tests.Encodings;

public sealed class RleHybridTests
{
    [Fact]
    public void Spec_example_bit_packed_run_decodes_zero_to_seven()
    {
        // Encodings.md: values 0..7 with bit width 3, one group: header (1 << 1 | 1), bytes 10001000 11000110 11111010.
        byte[] data = [0x03, 0b10001000, 0b11000110, 0b11111010];
        var output = new int[8];
        new RleHybridDecoder(data, 3).ReadExactly(output);
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], output);
    }

    [Fact]
    public void Rle_run_repeats_its_value()
    {
        // Header 5 << 1 = RLE run of 5; value 0x0102 in two bytes for bit width 9.
        byte[] data = [10, 0x02, 0x01];
        var output = new int[5];
        new RleHybridDecoder(data, 9).ReadExactly(output);
        Assert.All(output, v => Assert.Equal(0x102, v));
    }

    [Fact]
    public void Encoder_output_decodes_to_the_input_for_every_width()
    {
        var random = new Random(7);
        for (var width = 0; width <= 32; width++)
        {
            var max = width == 32 ? int.MaxValue : (1L << width) - 1;
            foreach (var count in new[] { 0, 1, 7, 8, 9, 100, 1000 })
            {
                var values = new int[count];
                for (var i = 0; i < count; i++)
                {
                    // Mix repeated runs (RLE) with noise (bit-packed).
                    values[i] = random.Next(3) == 0 && i > 0 ? values[i - 1] : (int)random.NextInt64(0, max + 1);
                    if (width == 32 && random.Next(5) == 0)
                    {
                        values[i] = -1;
                    }
                }

                using var buffer = new ByteBuffer();
                RleHybridEncoder.Encode(values, width, buffer);
                var decoded = new int[count];
                new RleHybridDecoder(buffer.WrittenSpan, width).ReadExactly(decoded);
                Assert.True(values.AsSpan().SequenceEqual(decoded), $"width {width}, count {count}");
            }
        }
    }

    [Fact]
    public void Long_runs_use_rle_rather_than_bit_packing()
    {
        var values = Enumerable.Repeat(3, 10_000).ToArray();
        using var buffer = new ByteBuffer();
        RleHybridEncoder.Encode(values, 2, buffer);
        Assert.True(buffer.Length <= 4, $"10,000 equal values should take a single RLE run, took {buffer.Length} bytes");
    }

    [Fact]
    public void Data_that_ends_early_is_reported_not_read_past()
    {
        byte[] data = [0x03, 0xFF];
        var output = new int[8];
        var error = Assert.Throws<ParquetDataException>(() => new RleHybridDecoder(data, 3).ReadExactly(output));
        Assert.Matches("values|bytes", error.Message);
    }
}
