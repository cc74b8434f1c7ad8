using ActorTrader.Hocon.Tests.Support;

namespace ActorTrader.Hocon.Tests.Errors;

/// <summary>Every syntax and resolution error names source:line:column and the offending token.</summary>
public sealed class ErrorPositionTests
{
    private static void AssertAt(HoconException error, int line, int column, string token)
    {
        Assert.Equal(new HoconPosition("test.conf", line, column), error.Position);
        Assert.Equal(token, error.Token);
        Assert.Contains($"test.conf:{line}:{column}", error.Message, StringComparison.Ordinal);
        Assert.Contains(token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unterminated_string_reports_where_it_opens()
    {
        var error = HoconText.ParseError("a = 1\nb =  \"abc\nc = 2");

        AssertAt(error, 2, 6, "\"abc");
    }

    [Fact]
    public void Unterminated_string_at_end_of_input_reports_where_it_opens()
    {
        var error = HoconText.ParseError("a = \"abc");

        AssertAt(error, 1, 5, "\"abc");
    }

    [Fact]
    public void Unterminated_triple_quoted_string_reports_where_it_opens()
    {
        var error = HoconText.ParseError("a = 1\n  b = \"\"\"text\nmore");

        AssertAt(error, 2, 7, "\"\"\"text");
    }

    [Fact]
    public void Empty_substitution_is_bad_syntax()
    {
        var error = HoconText.ParseError("a = 1\nb = ${}");

        AssertAt(error, 2, 5, "${}");
    }

    [Fact]
    public void Unclosed_substitution_is_bad_syntax()
    {
        var error = HoconText.ParseError("b = ${a.b\nc = 1");

        AssertAt(error, 1, 5, "${a.b");
    }

    [Fact]
    public void Dollar_without_brace_is_bad_substitution_syntax()
    {
        var error = HoconText.ParseError("b = $HOME");

        AssertAt(error, 1, 5, "$HOME");
    }

    [Fact]
    public void Forbidden_character_in_a_substitution_path_is_bad_syntax()
    {
        var error = HoconText.ParseError("b = ${a:b}");

        AssertAt(error, 1, 5, "${a:b}");
    }

    [Fact]
    public void Unresolved_substitution_reports_its_position()
    {
        var error = HoconText.ParseError("a = 1\nb {\n  c = ${missing.key}\n}");

        AssertAt(error, 3, 7, "${missing.key}");
    }

    [Fact]
    public void Unexpected_token_after_a_value_is_reported()
    {
        var error = HoconText.ParseError("a = 1\nb = 2 : 3");

        AssertAt(error, 2, 7, ":");
    }

    [Fact]
    public void Key_without_separator_is_an_unexpected_token()
    {
        var error = HoconText.ParseError("a = 1\nb 2");

        AssertAt(error, 2, 1, "b 2");
    }

    [Fact]
    public void Missing_value_is_an_unexpected_token()
    {
        var error = HoconText.ParseError("a = }");

        AssertAt(error, 1, 5, "}");
    }

    [Fact]
    public void Unclosed_brace_reports_the_opening_brace()
    {
        var error = HoconText.ParseError("a {\n  b {\n    c = 1\n  }\n");

        AssertAt(error, 1, 3, "{");
    }

    [Fact]
    public void Unclosed_bracket_reports_the_opening_bracket()
    {
        var error = HoconText.ParseError("a = 1\nlist = [1, 2");

        AssertAt(error, 2, 8, "[");
    }

    [Fact]
    public void Extra_closing_brace_is_reported_where_it_stands()
    {
        var error = HoconText.ParseError("{ a = 1 }\n}");

        AssertAt(error, 2, 1, "}");
    }

    [Fact]
    public void Mismatched_bracket_is_reported_where_it_stands()
    {
        var error = HoconText.ParseError("a { b = [1, 2 }");

        AssertAt(error, 1, 15, "}");
    }

    [Fact]
    public void Source_name_from_options_is_used_in_positions()
    {
        var error = Assert.ThrowsAny<HoconException>(() =>
            ConfigurationFactory.ParseString("a = \"x", new HoconParseOptions { SourceName = "node.conf" }));

        Assert.StartsWith("node.conf:1:5", error.Message, StringComparison.Ordinal);
    }
}
