using ActorTrader.Hocon.Tests.Support;

namespace ActorTrader.Hocon.Tests.Parsing;

public sealed class PathKeyTests
{
    [Fact]
    public void Dotted_key_creates_nested_objects()
    {
        var config = HoconText.Parse("a.b.c = 1");

        Assert.Equal(["a"], config.Keys);
        Assert.Equal(["b"], config.GetConfig("a").Keys);
        Assert.Equal(1, config.GetInt("a.b.c"));
    }

    [Fact]
    public void Quoted_key_segment_keeps_its_dot()
    {
        var config = HoconText.Parse("\"a.b\".c = 1");

        Assert.Equal(["a.b"], config.Keys);
        Assert.Equal(1, config.GetInt("\"a.b\".c"));
        Assert.False(config.HasPath("a.b.c"));
    }

    [Fact]
    public void Dotted_keys_merge_with_an_object_of_the_same_path()
    {
        var config = HoconText.Parse("a { x = 1 }\na.y = 2");

        Assert.Equal(["x", "y"], config.GetConfig("a").Keys);
    }

    [Fact]
    public void Whitespace_inside_an_unquoted_key_is_kept()
    {
        var config = HoconText.Parse("a b c = 1");

        Assert.Equal(["a b c"], config.Keys);
    }

    [Fact]
    public void Numeric_looking_key_is_a_path()
    {
        var config = HoconText.Parse("1.5 = x");

        Assert.Equal("x", config.GetString("1.5"));
        Assert.Equal(["1"], config.Keys);
    }

    [Fact]
    public void Empty_key_element_is_an_error_at_the_dot()
    {
        var error = HoconText.ParseError("a..b = 1");

        Assert.Equal(new HoconPosition("test.conf", 1, 3), error.Position);
        Assert.Equal("a..b = 1", error.Token);
    }

    [Fact]
    public void Unquoted_include_without_a_name_is_an_ordinary_key()
    {
        var config = HoconText.Parse("include = 5");

        Assert.Equal(5, config.GetInt("include"));
    }
}
