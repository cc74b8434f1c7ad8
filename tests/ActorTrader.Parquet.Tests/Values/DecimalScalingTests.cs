using ActorTrader.Parquet.Values;

namespace ActorTrader.Parquet.Tests.Values;

public sealed class DecimalScalingTests
{
    [Fact]
    public void Sixty_four_bit_path_gives_the_unscaled_value_of_every_decimal_that_fits()
    {
        var random = new Random(5);
        for (var i = 0; i < 100_000; i++)
        {
            var scale = random.Next(0, 19);
            var precision = random.Next(Math.Max(1, scale), 19);
            var value = RandomDecimal(random, precision, scale);
            // The reference: multiply by 10^scale in decimal arithmetic, which is exact here, and take the integer.
            var expected = (long)(value * Pow10(scale));
            Assert.Equal(expected, DecimalScaling.ToUnscaledInt64(value, scale, precision));
            Assert.Equal(expected, (long)DecimalScaling.ToUnscaled(value, scale, precision));
        }
    }

    [Theory]
    [InlineData("1000000000", 9, 18)]
    [InlineData("-1000000000", 9, 18)]
    [InlineData("1.0000000001", 9, 18)]
    [InlineData("100", 0, 2)]
    public void Sixty_four_bit_path_refuses_what_the_column_cannot_hold(string text, int scale, int precision)
    {
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Throws<ArgumentException>(() => DecimalScaling.ToUnscaledInt64(value, scale, precision));
    }

    [Fact]
    public void Trailing_zeros_beyond_the_column_scale_are_accepted()
    {
        // 1.50000000000 has 11 decimal places but only 1 significant one: it fits scale 9 exactly.
        Assert.Equal(1_500_000_000L, DecimalScaling.ToUnscaledInt64(1.50000000000m, 9, 18));
    }

    [Fact]
    public void Wide_columns_take_values_with_more_than_eighteen_digits()
    {
        var value = 12_345_678_901.123456789m;
        Assert.Equal(Int128.Parse("12345678901123456789", System.Globalization.CultureInfo.InvariantCulture), DecimalScaling.ToUnscaled(value, 9, 38));
    }

    private static decimal RandomDecimal(Random random, int precision, int scale)
    {
        // Any integer below 10^precision, with up to `scale` decimal places written at a random scale of its own.
        var digits = random.Next(1, precision + 1);
        var mantissa = random.NextInt64(0, (long)Math.Min(long.MaxValue, Pow10Long(digits)));
        var ownScale = (byte)random.Next(0, scale + 1);
        var value = new decimal((int)(uint)mantissa, (int)(uint)((ulong)mantissa >> 32), 0, random.Next(2) == 0, ownScale);
        // Keep it inside the column: |value| < 10^(precision - scale).
        return Math.Abs(value) < Pow10(precision - scale) ? value : 0m;
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++) result *= 10m;
        return result;
    }

    private static long Pow10Long(int exponent)
    {
        var result = 1L;
        for (var i = 0; i < exponent; i++) result *= 10;
        return result;
    }
}
