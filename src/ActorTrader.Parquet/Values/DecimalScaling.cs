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
        var scaled = decimal.Truncate(value) == value && scale == 0 ? value : value * PowersOfTen[scale];
        if (decimal.Truncate(scaled) != scaled)
        {
            throw new ArgumentException($"Value {value} has more than {scale} decimal places; round it to the column's scale first.");
        }

        var unscaled = (Int128)scaled;
        var limit = precision >= 38 ? Int128.MaxValue : Pow10(precision);
        if (unscaled >= limit || unscaled <= -limit)
        {
            throw new ArgumentException($"Value {value} does not fit DECIMAL({precision}, {scale}).");
        }

        return unscaled;
    }

    private static Int128 Pow10(int exponent)
    {
        Int128 result = 1;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
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
