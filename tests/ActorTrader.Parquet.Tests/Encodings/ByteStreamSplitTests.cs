using ActorTrader.Parquet.Values;

namespace ActorTrader.Parquet.Tests.Encodings;

public sealed class ByteStreamSplitTests
{
    [Fact]
    public void Streams_of_each_byte_position_reassemble_into_floats()
    {
        float[] values = [1.5f, -2.25f, 1e30f];
        var plain = new byte[12];
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()).CopyTo(plain);
        var split = new byte[12];
        for (var i = 0; i < 3; i++)
        {
            for (var k = 0; k < 4; k++)
            {
                split[(k * 3) + i] = plain[(i * 4) + k];
            }
        }

        var decoded = new float[3];
        new FloatingPointCodec<float>().DecodeByteStreamSplit(split, decoded);
        Assert.Equal(values, decoded);
    }
}
