using ActorTrader.Hocon.Tests.Support;

namespace ActorTrader.Hocon.Tests.Parsing;

public sealed class StringTests
{
    [Fact]
    public void Unquoted_string_keeps_whitespace_between_words_and_drops_it_at_the_ends()
    {
        var config = HoconText.Parse("a =   hello   big world   \n");

        Assert.Equal("hello   big world", config.GetString("a"));
    }

    [Fact]
    public void Unquoted_string_may_contain_dots_slashes_and_dashes()
    {
        var config = HoconText.Parse("a = akka.tcp/some-host_1");

        Assert.Equal("akka.tcp/some-host_1", config.GetString("a"));
    }

    [Theory]
    [InlineData('@')]
    [InlineData('!')]
    [InlineData('^')]
    [InlineData('*')]
    [InlineData('&')]
    [InlineData('`')]
    [InlineData('?')]
    public void Forbidden_character_in_an_unquoted_string_is_an_error(char forbidden)
    {
        var error = HoconText.ParseError($"a = b{forbidden}c");

        Assert.Equal(new HoconPosition("test.conf", 1, 6), error.Position);
        Assert.StartsWith(forbidden.ToString(), error.Token, StringComparison.Ordinal);
    }

    [Fact]
    public void Quoted_string_decodes_json_escapes()
    {
        var config = HoconText.Parse("""a = "q\" b\\ s\/ n\n t\t u\u0041 r\r f\f b\b" """);

        Assert.Equal("q\" b\\ s/ n\n t\t uA r\r f\f b\b", config.GetString("a"));
    }

    [Fact]
    public void Invalid_escape_is_an_error_at_the_backslash()
    {
        var error = HoconText.ParseError("a = \"x\\qy\"");

        Assert.Equal(new HoconPosition("test.conf", 1, 7), error.Position);
        Assert.Equal("\\q", error.Token);
    }

    [Fact]
    public void Triple_quoted_string_keeps_newlines_quotes_and_backslashes_raw()
    {
        var config = HoconText.Parse("a = \"\"\"line1\n  \"quoted\" \\n\"\"\"");

        Assert.Equal("line1\n  \"quoted\" \\n", config.GetString("a"));
    }

    [Fact]
    public void Extra_quotes_before_the_closing_triple_quote_belong_to_the_string()
    {
        var config = HoconText.Parse("a = \"\"\"x\"\"\"\"\"");

        Assert.Equal("x\"\"", config.GetString("a"));
    }

    [Fact]
    public void Keywords_are_only_whole_unquoted_tokens()
    {
        var config = HoconText.Parse("a = true\nb = truex\nc = null\nd = \"true\"");

        Assert.Equal(HoconValueKind.Boolean, config.GetValue("a")!.Kind);
        Assert.Equal(HoconValueKind.String, config.GetValue("b")!.Kind);
        Assert.Equal(HoconValueKind.Null, config.GetValue("c")!.Kind);
        Assert.Equal(HoconValueKind.String, config.GetValue("d")!.Kind);
    }
}
