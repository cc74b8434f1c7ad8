using System.Buffers.Binary;
using System.Runtime.InteropServices;
using ActorTrader.Parquet.Encodings;
using ActorTrader.Parquet.Format;

namespace ActorTrader.Parquet.Values;

/// <summary>DOUBLE as <see cref="double"/>. Statistics skip NaN; a zero minimum is written as -0.0 and a zero maximum as +0.0.</summary>
internal sealed class DoubleCodec() : ColumnCodec<double>(PhysicalType.Double)
{
    public override IEqualityComparer<double> DictionaryEquality { get; } = new BitwiseEquality();

    public override ColumnShape<double> Shape(bool nullable) => nullable ? new NullableStructShape<double>() : new RequiredShape<double>();

    public override int DecodePlain(ReadOnlySpan<byte> data, Span<double> output)
    {
        var bytes = checked(output.Length * 8);
        if (bytes > data.Length)
        {
            throw new ParquetDataException($"PLAIN DOUBLE needs {bytes} bytes for {output.Length} values but the page has {data.Length}.");
        }

        MemoryMarshal.Cast<byte, double>(data[..bytes]).CopyTo(output);
        return bytes;
    }

    public override void EncodePlain(ReadOnlySpan<double> values, ByteBuffer output) => output.WriteValues(values);

    public override byte[] EncodeStatistic(double value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(bytes, value);
        return bytes;
    }

    public override bool TryMinMax(ReadOnlySpan<double> values, out double min, out double max)
    {
        min = double.PositiveInfinity;
        max = double.NegativeInfinity;
        var any = false;
        foreach (var value in values)
        {
            if (double.IsNaN(value))
            {
                continue;
            }

            any = true;
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }

        if (min == 0)
        {
            min = -0.0;
        }

        if (max == 0)
        {
            max = 0.0;
        }

        return any;
    }

    private sealed class BitwiseEquality : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => BitConverter.DoubleToInt64Bits(x) == BitConverter.DoubleToInt64Bits(y);

        public int GetHashCode(double obj) => BitConverter.DoubleToInt64Bits(obj).GetHashCode();
    }
}

/// <summary>FLOAT as <see cref="float"/>, with the same statistics rules as <see cref="DoubleCodec"/>.</summary>
internal sealed class FloatCodec() : ColumnCodec<float>(PhysicalType.Float)
{
    public override IEqualityComparer<float> DictionaryEquality { get; } = new BitwiseEquality();

    public override ColumnShape<float> Shape(bool nullable) => nullable ? new NullableStructShape<float>() : new RequiredShape<float>();

    public override int DecodePlain(ReadOnlySpan<byte> data, Span<float> output)
    {
        var bytes = checked(output.Length * 4);
        if (bytes > data.Length)
        {
            throw new ParquetDataException($"PLAIN FLOAT needs {bytes} bytes for {output.Length} values but the page has {data.Length}.");
        }

        MemoryMarshal.Cast<byte, float>(data[..bytes]).CopyTo(output);
        return bytes;
    }

    public override void EncodePlain(ReadOnlySpan<float> values, ByteBuffer output) => output.WriteValues(values);

    public override byte[] EncodeStatistic(float value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(bytes, value);
        return bytes;
    }

    public override bool TryMinMax(ReadOnlySpan<float> values, out float min, out float max)
    {
        min = float.PositiveInfinity;
        max = float.NegativeInfinity;
        var any = false;
        foreach (var value in values)
        {
            if (float.IsNaN(value))
            {
                continue;
            }

            any = true;
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }

        if (min == 0)
        {
            min = -0.0f;
        }

        if (max == 0)
        {
            max = 0.0f;
        }

        return any;
    }

    private sealed class BitwiseEquality : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => BitConverter.SingleToInt32Bits(x) == BitConverter.SingleToInt32Bits(y);

        public int GetHashCode(float obj) => BitConverter.SingleToInt32Bits(obj);
    }
}
