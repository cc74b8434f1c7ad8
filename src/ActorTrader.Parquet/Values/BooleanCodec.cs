using System.Buffers;
using ActorTrader.Parquet.Encodings;
using ActorTrader.Parquet.Format;

namespace ActorTrader.Parquet.Values;

/// <summary>BOOLEAN as <see cref="bool"/>: PLAIN is one bit per value, least significant bit first.</summary>
internal sealed class BooleanCodec() : ColumnCodec<bool>(PhysicalType.Boolean)
{
    public override ColumnShape<bool> Shape(bool nullable) => ColumnShapes.ForValueType<bool>(nullable);

    public override int DecodePlain(ReadOnlySpan<byte> data, Span<bool> output)
    {
        var bytes = (output.Length + 7) / 8;
        if (bytes > data.Length)
        {
            throw new ParquetDataException($"PLAIN BOOLEAN needs {bytes} bytes for {output.Length} values but the page has {data.Length}.");
        }

        for (var i = 0; i < output.Length; i++)
        {
            output[i] = (data[i >> 3] & (1 << (i & 7))) != 0;
        }

        return bytes;
    }

    public override void DecodeRle(ReadOnlySpan<byte> data, Span<bool> output)
    {
        // Booleans in RLE carry a 4-byte length prefix like v1 levels.
        if (data.Length < 4)
        {
            throw new ParquetDataException("RLE BOOLEAN data is missing its 4-byte length prefix.");
        }

        var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(data);
        if (length < 0 || length > data.Length - 4)
        {
            throw new ParquetDataException($"RLE BOOLEAN data claims {length} bytes but {data.Length - 4} remain.");
        }

        var ints = ArrayPool<int>.Shared.Rent(output.Length);
        try
        {
            new RleHybridDecoder(data.Slice(4, length), 1).ReadExactly(ints.AsSpan(0, output.Length));
            for (var i = 0; i < output.Length; i++)
            {
                output[i] = ints[i] != 0;
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(ints);
        }
    }

    public override void EncodePlain(ReadOnlySpan<bool> values, ByteBuffer output)
    {
        var bytes = (values.Length + 7) / 8;
        var span = output.GetSpan(bytes)[..bytes];
        span.Clear();
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i])
            {
                span[i >> 3] |= (byte)(1 << (i & 7));
            }
        }

        output.Advance(bytes);
    }

    public override long PlainSize(ReadOnlySpan<bool> values) => (values.Length + 7) / 8;

    public override byte[] EncodeStatistic(bool value) => [value ? (byte)1 : (byte)0];

    public override object? DecodeStatistic(byte[] bytes) => bytes.Length == 1 ? bytes[0] != 0 : null;
}
