using ActorTrader.Hocon.Tests.Support;

namespace ActorTrader.Hocon.Tests.Parsing;

public sealed class NumberTests
{
    [Theory]
    [InlineData("42", 42.0)]
    [InlineData("-7", -7.0)]
    [InlineData("3.25", 3.25)]
    [InlineData("1e3", 1000.0)]
    [InlineData("1.5E-2", 0.015)]
    [InlineData("2e+2", 200.0)]
    [InlineData("-0.5", -0.5)]
    public void Numbers_parse_as_numbers(string text, double expected)
    {
        var config = HoconText.Parse($"n = {text}");

        Assert.Equal(HoconValueKind.Number, config.GetValue("n")!.Kind);
        Assert.Equal(expected, config.GetDouble("n"));
    }

    [Fact]
    public void Integers_beyond_32_bits_read_as_long_but_not_as_int()
    {
        var config = HoconText.Parse("n = 3000000000");

        Assert.Equal(3_000_000_000L, config.GetLong("n"));
        Assert.Throws<HoconException>(() => (object)config.GetInt("n"));
    }

    [Fact]
    public void Decimals_keep_their_exact_source_value()
    {
        var config = HoconText.Parse("price = 12345678901234567.89");

        Assert.Equal(12345678901234567.89m, config.GetDecimal("price"));
    }

    [Fact]
    public void Text_that_is_not_a_whole_number_token_stays_a_string()
    {
        var config = HoconText.Parse("version = 1.2.3\nhost = 10.0.0.1");

        Assert.Equal(HoconValueKind.String, config.GetValue("version")!.Kind);
        Assert.Equal("10.0.0.1", config.GetString("host"));
    }

    [Fact]
    public void Numbers_render_as_json_numbers()
    {
        var config = HoconText.Parse("a = 1, b = 2.5, c = -3e2");

        Assert.Equal("{\"a\":1,\"b\":2.5,\"c\":-3e2}", config.ToJson(indented: false));
    }
}
