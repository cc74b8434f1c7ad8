using System.Buffers.Binary;
using ActorTrader.Parquet.Encodings;
using ActorTrader.Parquet.Format;

namespace ActorTrader.Parquet.Values;

/// <summary>DECIMAL stored as big-endian two's complement in a FIXED_LEN_BYTE_ARRAY or BYTE_ARRAY.</summary>
internal sealed class DecimalBinaryCodec : BinaryBackedCodec<decimal>
{
    private readonly int _precision;
    private readonly int _scale;

    public DecimalBinaryCodec(PhysicalType physical, int typeLength, int precision, int scale)
        : base(physical, typeLength)
    {
        _precision = precision;
        _scale = scale;
    }

    public override ColumnShape<decimal> Shape(bool nullable) => ColumnShapes.ForValueType<decimal>(nullable);

    protected override decimal FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return 0m;
        }

        // Strip sign-extension bytes so values wider than 16 bytes still convert when they fit.
        var negative = (bytes[0] & 0x80) != 0;
        var pad = negative ? (byte)0xFF : (byte)0;
        while (bytes.Length > 16 && bytes[0] == pad && ((bytes[1] & 0x80) != 0) == negative)
        {
            bytes = bytes[1..];
        }

        if (bytes.Length > 16)
        {
            throw new ParquetDataException($"DECIMAL value of {bytes.Length} bytes exceeds System.Decimal's range.");
        }

        Span<byte> wide = stackalloc byte[16];
        wide.Fill(pad);
        bytes.CopyTo(wide[(16 - bytes.Length)..]);
        return DecimalScaling.FromUnscaled(BinaryPrimitives.ReadInt128BigEndian(wide), _scale);
    }

    protected override int ToBytes(decimal value, Span<byte> destination)
    {
        var unscaled = DecimalScaling.ToUnscaled(value, _scale, _precision);
        Span<byte> wide = stackalloc byte[16];
        BinaryPrimitives.WriteInt128BigEndian(wide, unscaled);
        var length = Physical == PhysicalType.FixedLenByteArray ? TypeLength : MinimalLength(unscaled);
        if (length <= 16)
        {
            wide[(16 - length)..].CopyTo(destination);
        }
        else
        {
            destination[..(length - 16)].Fill(unscaled < 0 ? (byte)0xFF : (byte)0);
            wide.CopyTo(destination[(length - 16)..]);
        }

        return length;
    }

    protected override int MaxByteLength(decimal value) => Math.Max(16, TypeLength);

    private static int MinimalLength(Int128 unscaled)
    {
        for (var length = 1; length < 16; length++)
        {
            var limit = Int128.One << ((8 * length) - 1);
            if (unscaled >= -limit && unscaled < limit)
            {
                return length;
            }
        }

        return 16;
    }
}
