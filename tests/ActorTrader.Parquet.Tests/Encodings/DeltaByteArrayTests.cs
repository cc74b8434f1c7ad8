using System.Text;
using ActorTrader.Parquet.Encodings;
using ActorTrader.Parquet.Values;

namespace ActorTrader.Parquet.Tests.Encodings;

public sealed class DeltaByteArrayTests
{
    // parquet-format Encodings.md, "Delta Strings": axis, axle, babble, babyhood are stored as
    // prefix lengths 0, 2, 0, 3 and suffixes "axis", "le", "babble", "yhood".
    private static byte[] SpecExample()
    {
        string[] suffixes = ["axis", "le", "babble", "yhood"];
        using var buffer = new ByteBuffer();
        DeltaBinaryPackedEncoder.Encode([0L, 2, 0, 3], buffer);
        DeltaBinaryPackedEncoder.Encode(suffixes.Select(s => (long)Encoding.UTF8.GetByteCount(s)).ToArray(), buffer);
        foreach (var suffix in suffixes)
        {
            buffer.Write(Encoding.UTF8.GetBytes(suffix));
        }

        return buffer.WrittenSpan.ToArray();
    }

    [Fact]
    public void Spec_example_decodes_to_the_four_words()
    {
        var output = new string[4];
        new StringCodec().DecodeDeltaByteArray(SpecExample(), output);
        Assert.Equal(["axis", "axle", "babble", "babyhood"], output);
    }

    [Fact]
    public void A_prefix_longer_than_the_previous_value_is_rejected()
    {
        using var buffer = new ByteBuffer();
        DeltaBinaryPackedEncoder.Encode([0L, 9], buffer);
        DeltaBinaryPackedEncoder.Encode([2L, 1], buffer);
        buffer.Write("abc"u8);
        var bytes = buffer.WrittenSpan.ToArray();
        var error = Assert.Throws<ParquetDataException>(() => new StringCodec().DecodeDeltaByteArray(bytes, new string[2]));
        Assert.Contains("shares 9 bytes", error.Message, StringComparison.Ordinal);
    }
}
