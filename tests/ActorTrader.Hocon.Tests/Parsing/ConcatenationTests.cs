using ActorTrader.Hocon.Tests.Support;

namespace ActorTrader.Hocon.Tests.Parsing;

public sealed class ConcatenationTests
{
    [Fact]
    public void Strings_concatenate_keeping_the_whitespace_between_them()
    {
        var config = HoconText.Parse("a = foo   \"bar\"  baz");

        Assert.Equal("foo   bar  baz", config.GetString("a"));
    }

    [Fact]
    public void Numbers_and_booleans_concatenate_as_their_source_text()
    {
        var config = HoconText.Parse("a = 10 seconds\nb = 3.140 true null");

        Assert.Equal("10 seconds", config.GetString("a"));
        Assert.Equal("3.140 true null", config.GetString("b"));
    }

    [Fact]
    public void Adjacent_values_without_whitespace_join_directly()
    {
        var config = HoconText.Parse("a = 10ms\nb = \"x\"y\"z\"");

        Assert.Equal("10ms", config.GetString("a"));
        Assert.Equal("xyz", config.GetString("b"));
    }

    [Fact]
    public void Arrays_concatenate()
    {
        var config = HoconText.Parse("a = [1, 2] [3] []");

        Assert.Equal(["1", "2", "3"], config.GetStringList("a"));
    }

    [Fact]
    public void Objects_concatenate_by_merging_with_later_winning()
    {
        var config = HoconText.Parse("a = { x = 1, y = 1 } { y = 2 }");

        Assert.Equal((1, 2), (config.GetInt("a.x"), config.GetInt("a.y")));
    }

    [Fact]
    public void Substitutions_concatenate_with_strings()
    {
        var config = HoconText.Parse("name = world\ngreeting = hello ${name}\"!\"");

        Assert.Equal("hello world!", config.GetString("greeting"));
    }

    [Fact]
    public void Whitespace_between_substituted_objects_is_ignored()
    {
        var config = HoconText.Parse("x { a = 1 }\ny { b = 2 }\nz = ${x} ${y}");

        Assert.Equal(["a", "b"], config.GetConfig("z").Keys);
    }

    [Fact]
    public void Concatenating_an_object_with_a_string_is_an_error()
    {
        var error = HoconText.ParseError("a = { x = 1 } text");

        Assert.Equal(new HoconPosition("test.conf", 1, 5), error.Position);
        Assert.Contains("Cannot concatenate", error.Message, StringComparison.Ordinal);
    }
}
