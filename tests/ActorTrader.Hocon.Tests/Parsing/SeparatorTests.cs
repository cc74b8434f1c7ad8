using ActorTrader.Hocon.Tests.Support;

namespace ActorTrader.Hocon.Tests.Parsing;

public sealed class SeparatorTests
{
    [Fact]
    public void Equals_and_colon_both_separate_key_and_value()
    {
        var config = HoconText.Parse("a = 1\nb : 2\nc=3\nd:4");

        Assert.Equal([1, 2, 3, 4], new[] { "a", "b", "c", "d" }.Select(key => config.GetInt(key)));
    }

    [Fact]
    public void Separator_may_be_omitted_before_an_object()
    {
        var config = HoconText.Parse("a { b = 1 }\nc\n{ d = 2 }");

        Assert.Equal(1, config.GetInt("a.b"));
        Assert.Equal(2, config.GetInt("c.d"));
    }

    [Fact]
    public void Newlines_separate_fields_without_commas()
    {
        var config = HoconText.Parse("{\n a = 1\n\n b = 2\n}");

        Assert.Equal(2, config.GetInt("b"));
    }

    [Fact]
    public void Commas_separate_fields_on_one_line()
    {
        var config = HoconText.Parse("a = 1, b = 2, c = x");

        Assert.Equal("x", config.GetString("c"));
    }

    [Fact]
    public void A_trailing_comma_after_the_last_field_or_element_is_allowed()
    {
        var config = HoconText.Parse("a { b = 1, }\nlist = [1, 2,]");

        Assert.Equal(1, config.GetInt("a.b"));
        Assert.Equal(["1", "2"], config.GetStringList("list"));
    }

    [Fact]
    public void Root_braces_are_optional()
    {
        var braced = HoconText.Parse("{ a = 1, b { c = 2 } }");
        var bare = HoconText.Parse("a = 1, b { c = 2 }");

        Assert.Equal(braced.ToJson(), bare.ToJson());
    }

    [Fact]
    public void Newlines_separate_array_elements()
    {
        var config = HoconText.Parse("list = [\n  1\n  2\n  3\n]");

        Assert.Equal(["1", "2", "3"], config.GetStringList("list"));
    }

    [Fact]
    public void Whitespace_between_array_elements_concatenates_them()
    {
        var config = HoconText.Parse("list = [ 1 2 3 4 ]");

        Assert.Equal(["1 2 3 4"], config.GetStringList("list"));
    }

    [Fact]
    public void Two_commas_in_a_row_are_an_error()
    {
        var error = HoconText.ParseError("a = 1,, b = 2");

        Assert.Equal(",", error.Token);
        Assert.Equal(new HoconPosition("test.conf", 1, 7), error.Position);
    }
}
