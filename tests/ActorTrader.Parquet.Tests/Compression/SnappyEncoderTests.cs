using ActorTrader.Parquet.Compression;
using ActorTrader.Parquet.Encodings;

namespace ActorTrader.Parquet.Tests.Compression;

public sealed class SnappyEncoderTests
{
    [Fact]
    public void Output_decodes_to_the_input_with_an_independent_snappy_decoder()
    {
        // IronSnappy was written apart from this encoder, so agreeing with it checks the format, not our own reading of it.
        foreach (var input in Inputs())
        {
            Assert.Equal(input, IronSnappy.Snappy.Decode(Compress(input)));
        }
    }

    [Fact]
    public void Output_decodes_to_the_input_with_the_library_decoder()
    {
        foreach (var input in Inputs())
        {
            var compressed = Compress(input);
            var output = new byte[SnappyDecoder.GetUncompressedLength(compressed)];
            SnappyDecoder.Decompress(compressed, output);
            Assert.Equal(input, output);
        }
    }

    [Fact]
    public void Repetitive_input_shrinks_to_a_small_fraction()
    {
        var input = new byte[100_000];
        for (var i = 0; i < input.Length; i++) input[i] = (byte)(i % 7);
        Assert.True(Compress(input).Length < input.Length / 20, "a periodic input should be stored almost entirely as copies");
    }

    [Fact]
    public void Incompressible_input_stays_within_the_maximum_length()
    {
        var random = new Random(11);
        foreach (var length in new[] { 0, 1, 15, 16, 17, 1000, 65_536, 65_537, 300_000 })
        {
            var input = new byte[length];
            random.NextBytes(input);
            Assert.InRange(Compress(input).Length, 1, SnappyEncoder.MaxCompressedLength(length));
        }
    }

    [Fact]
    public void Output_is_appended_after_what_the_buffer_already_holds()
    {
        using var buffer = new ByteBuffer(16);
        buffer.Write([9, 9, 9]);
        SnappyEncoder.Compress([1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3], buffer);
        Assert.Equal([9, 9, 9], buffer.WrittenSpan[..3].ToArray());
        Assert.Equal([1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3], IronSnappy.Snappy.Decode(buffer.WrittenSpan[3..]));
    }

    private static byte[] Compress(byte[] input)
    {
        using var buffer = new ByteBuffer();
        SnappyEncoder.Compress(input, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Seeded inputs of every shape the encoder distinguishes: tiny, random, few symbols, long and near matches, several 64 KiB blocks.</summary>
    private static IEnumerable<byte[]> Inputs()
    {
        var random = new Random(2024);
        for (var t = 0; t < 3000; t++)
        {
            var length = t < 2900 ? random.Next(0, 400) : random.Next(60_000, 300_000);
            var input = new byte[length];
            var shape = t % 4;
            var alphabet = random.Next(1, 256);
            for (var i = 0; i < length; i++)
            {
                input[i] = shape switch
                {
                    0 => (byte)random.Next(256),
                    1 => (byte)random.Next(alphabet),
                    // Copies of earlier bytes at offsets from 1 to beyond one block: short and long matches, overlapping ones too.
                    2 when i > 0 && random.Next(8) > 0 => input[i - 1 - random.Next(Math.Min(i, 70_000))],
                    3 when i >= 8 => input[i - 8],
                    _ => (byte)random.Next(256),
                };
            }

            yield return input;
        }
    }
}
