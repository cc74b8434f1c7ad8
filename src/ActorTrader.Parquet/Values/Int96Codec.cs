using System.Buffers.Binary;
using ActorTrader.Parquet.Encodings;
using ActorTrader.Parquet.Format;

namespace ActorTrader.Parquet.Values;

/// <summary>
/// Legacy INT96 timestamps (Impala/Spark): 8 bytes nanoseconds of the day then 4 bytes Julian day,
/// little-endian, read losslessly as <see cref="Int96Timestamp"/> (any year, any stored value). Never written.
/// </summary>
internal sealed class Int96Codec() : ColumnCodec<Int96Timestamp>(PhysicalType.Int96)
{
    public override ColumnShape<Int96Timestamp> Shape(bool nullable) => ColumnShapes.ForValueType<Int96Timestamp>(nullable);

    public override int DecodePlain(ReadOnlySpan<byte> data, Span<Int96Timestamp> output)
    {
        var bytes = checked(output.Length * 12);
        if (bytes > data.Length)
        {
            throw new ParquetDataException($"PLAIN INT96 needs {bytes} bytes for {output.Length} values but the page has {data.Length}.");
        }

        for (var i = 0; i < output.Length; i++)
        {
            output[i] = FromBytes(data.Slice(i * 12, 12));
        }

        return bytes;
    }

    public override void EncodePlain(ReadOnlySpan<Int96Timestamp> values, ByteBuffer output) =>
        throw new InvalidOperationException("INT96 timestamps are read-only; write Timestamp columns instead.");

    public override byte[] EncodeStatistic(Int96Timestamp value) =>
        throw new InvalidOperationException("INT96 timestamps are read-only.");

    // INT96 has no defined sort order, so its statistics are never used.
    public override object? DecodeStatistic(byte[] bytes) => null;

    internal static Int96Timestamp FromBytes(ReadOnlySpan<byte> value) =>
        new(BinaryPrimitives.ReadInt32LittleEndian(value[8..]), BinaryPrimitives.ReadInt64LittleEndian(value));
}
