using ActorTrader.Parquet.Encodings;

namespace ActorTrader.Parquet.Values;

/// <summary>Converts between <see cref="decimal"/> and the unscaled integers Parquet DECIMAL stores.</summary>
internal static class DecimalScaling
{
    private static readonly decimal[] PowersOfTen = BuildPowers();

    public static decimal FromUnscaled(long unscaled, int scale)
    {
        var negative = unscaled < 0;
        var magnitude = negative ? (ulong)-(unscaled + 1) + 1 : (ulong)unscaled;
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, negative, (byte)scale);
    }

    public static decimal FromUnscaled(Int128 unscaled, int scale)
    {
        var negative = unscaled < 0;
        var magnitude = negative ? -(UInt128)unscaled : (UInt128)unscaled;
        if (magnitude >> 96 != 0)
        {
            throw new ParquetDataException($"DECIMAL unscaled value {unscaled} exceeds System.Decimal's 96-bit range.");
        }

        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), (int)(uint)(magnitude >> 64), negative, (byte)scale);
    }

    /// <summary>Unscaled integer for <paramref name="value"/> at <paramref name="scale"/>; throws when digits would be lost.</summary>
    public static Int128 ToUnscaled(decimal value, int scale, int precision)
    {
        if (TryRescale64(value, scale, out var magnitude, out var negative) && (precision > 18 || magnitude < UInt64PowersOfTen[precision]))
        {
            // Below 2^63, so the sign can be applied in 64 bits.
            return negative ? -(long)magnitude : (long)magnitude;
        }

        var unscaled = value.Scale <= scale ? Rescale(value, scale) : ToUnscaledSlow(value, scale);
        var limit = precision >= 38 ? Int128.MaxValue : Int128PowersOfTen[precision];
        if (unscaled >= limit || unscaled <= -limit)
        {
            throw new ArgumentException($"Value {value} does not fit DECIMAL({precision}, {scale}).");
        }

        return unscaled;
    }

    /// <summary>
    /// <see cref="ToUnscaled"/> for a precision of at most 18 digits (INT32/INT64 columns): the same values and errors,
    /// without 128-bit arithmetic on the common path.
    /// </summary>
    public static long ToUnscaledInt64(decimal value, int scale, int precision)
    {
        if (precision <= 18 && TryRescale64(value, scale, out var magnitude, out var negative) && magnitude < UInt64PowersOfTen[precision])
        {
            return negative ? -(long)magnitude : (long)magnitude;
        }

        return (long)ToUnscaled(value, scale, precision);
    }

    /// <summary>
    /// The common case in one 64×64-bit multiplication: a mantissa below 2^64, no more decimal places than the column,
    /// and an unscaled magnitude below 2^63. False means "use the general path" (which also reports errors).
    /// </summary>
    private static bool TryRescale64(decimal value, int scale, out ulong magnitude, out bool negative)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var valueScale = (bits[3] >> 16) & 0xFF;
        negative = bits[3] < 0;
        magnitude = 0;
        if (bits[2] != 0 || valueScale > scale || scale - valueScale >= UInt64PowersOfTen.Length)
        {
            return false;
        }

        var mantissa = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
        var high = Math.BigMul(mantissa, UInt64PowersOfTen[scale - valueScale], out magnitude);
        return high == 0 && magnitude <= long.MaxValue;
    }

    // The value has no more decimal places than the column: the 96-bit mantissa times a power of ten, in integer
    // arithmetic (TryRescale64 handles the values that fit 64 bits).
    private static Int128 Rescale(decimal value, int scale)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var mantissa = ((Int128)(uint)bits[2] << 64) | ((Int128)(uint)bits[1] << 32) | (uint)bits[0];
        Int128 scaled;
        try
        {
            scaled = checked(mantissa * Int128PowersOfTen[scale - value.Scale]);
        }
        catch (OverflowException)
        {
            // Beyond 38 digits: no DECIMAL column can hold it, whatever its precision.
            throw new ArgumentException($"Value {value} does not fit a DECIMAL with scale {scale}.");
        }

        return value < 0 ? -scaled : scaled;
    }

    // More decimal places than the column: exact only when the extra digits are zeros (1.500 into scale 1).
    private static Int128 ToUnscaledSlow(decimal value, int scale)
    {
        var scaled = value * PowersOfTen[scale];
        if (decimal.Truncate(scaled) != scaled)
        {
            throw new ArgumentException($"Value {value} has more than {scale} decimal places; round it to the column's scale first.");
        }

        return (Int128)scaled;
    }

    private static readonly Int128[] Int128PowersOfTen = BuildInt128Powers();

    // 10^0 .. 10^19, every power of ten below 2^64.
    private static readonly ulong[] UInt64PowersOfTen = BuildUInt64Powers();

    private static ulong[] BuildUInt64Powers()
    {
        var powers = new ulong[20];
        powers[0] = 1;
        for (var i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * 10;
        }

        return powers;
    }

    private static Int128[] BuildInt128Powers()
    {
        // 10^38 still fits Int128 (max ≈ 1.7e38); scales and precisions never exceed 38.
        var powers = new Int128[39];
        powers[0] = 1;
        for (var i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * 10;
        }

        return powers;
    }

    private static decimal[] BuildPowers()
    {
        var powers = new decimal[29];
        powers[0] = 1m;
        for (var i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * 10m;
        }

        return powers;
    }
}
