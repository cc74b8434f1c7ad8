using ActorTrader.Hocon.Tests.Support;

namespace ActorTrader.Hocon.Tests.Conformance;

/// <summary>
/// Token boundaries, numbers, whitespace and value concatenation.
/// Cases adapted from lightbend/config tests (TokenizerTest.scala, ConfParserTest.scala, ConcatenationTest.scala), Apache-2.0.
/// </summary>
public sealed class LightbendTokenizerCaseTests
{
    // case adapted from lightbend/config tests, Apache-2.0
    [Theory]
    [InlineData("a = foo//comment", "foo")]
    [InlineData("a = foo#comment", "foo")]
    [InlineData("a = foo\"bar\"", "foobar")]
    [InlineData("a = \"foo\"bar", "foobar")]
    [InlineData("a = /usr/bin", "/usr/bin")]
    [InlineData("a = foo bar  baz", "foo bar  baz")]
    [InlineData("a = foo bar   // trailing whitespace is dropped", "foo bar")]
    [InlineData("a = 1 2 3", "1 2 3")]
    [InlineData("a = true foo", "true foo")]
    [InlineData("a = null foo", "null foo")]
    [InlineData("a = 10.0.1", "10.0.1")]
    [InlineData("a = 1-2", "1-2")]
    [InlineData("a = -", "-")]
    [InlineData("a = 0x10", "0x10")]
    [InlineData("a = \"\"\"x\"y\"\"\"\"", "x\"y\"")]
    public void Unquoted_text_and_concatenation_read_as_lightbend_reads_them(string hocon, string expected)
    {
        Assert.Equal(expected, HoconText.Parse(hocon).GetString("a"));
    }

    [Theory]
    [InlineData("1e5", "100000")]
    [InlineData("1E+5", "100000")]
    [InlineData("-1.5e-3", "-0.0015")]
    [InlineData("-0", "0")]
    [InlineData("42", "42")]
    public void Numbers_keep_their_number_type(string text, string asJson)
    {
        var value = HoconText.Parse($"a = {text}").GetValue("a")!;

        Assert.Equal(HoconValueKind.Number, value.Kind);
        Assert.Equal(double.Parse(asJson, System.Globalization.CultureInfo.InvariantCulture), value.AsDouble());
    }

    [Theory]
    [InlineData(".5")]
    [InlineData("1e")]
    [InlineData("1.2.3")]
    public void Number_like_text_that_is_not_a_number_is_a_string(string text)
    {
        Assert.Equal(HoconValueKind.String, HoconText.Parse($"a = {text}").GetValue("a")!.Kind);
    }

    [Theory]
    [InlineData("\u00a0")]
    [InlineData("\u2007")]
    [InlineData("\u202f")]
    [InlineData("\ufeff")]
    [InlineData("\t")]
    [InlineData("\u001c")]
    [InlineData("\u001f")]
    public void Unicode_spaces_and_the_byte_order_mark_separate_tokens(string space)
    {
        var config = HoconText.Parse($"{space}a{space}={space}1{space}\nb{space}:{space}[{space}2{space},{space}3{space}]");

        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal(["2", "3"], config.GetStringList("b"));
    }

    [Theory]
    [InlineData("a = [1] {x:1}")]
    [InlineData("a = {x:1} [1]")]
    [InlineData("a = foo [1]")]
    [InlineData("a = {x:1} foo")]
    [InlineData("a = 10, a += 1")]
    public void Concatenating_objects_or_arrays_with_other_kinds_is_an_error(string hocon)
    {
        var error = HoconText.ParseError(hocon);

        Assert.Contains("Cannot concatenate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Adjacent_arrays_append_and_adjacent_objects_merge()
    {
        var config = HoconText.Parse("x = [1, 2]\na = ${x} [3] [4]\nb = { p = 1, q = 1 } { q = 2 }");

        Assert.Equal(["1", "2", "3", "4"], config.GetStringList("a"));
        Assert.Equal((1, 2), (config.GetInt("b.p"), config.GetInt("b.q")));
    }

    [Theory]
    [InlineData("a = foo$bar", 1, 8)]
    [InlineData("a = +1", 1, 5)]
    [InlineData("a = 1\nb = http://x", 2, 9)]
    public void Forbidden_characters_in_unquoted_text_report_their_position(string hocon, int line, int column)
    {
        Assert.Equal(new HoconPosition("test.conf", line, column), HoconText.ParseError(hocon).Position);
    }
}
