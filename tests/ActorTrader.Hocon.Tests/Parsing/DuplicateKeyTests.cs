using ActorTrader.Hocon.Tests.Support;

namespace ActorTrader.Hocon.Tests.Parsing;

public sealed class DuplicateKeyTests
{
    [Fact]
    public void Later_object_merges_into_an_earlier_object()
    {
        var config = HoconText.Parse("a { x = 1, y = 1 }\na { y = 2, z = 2 }");

        Assert.Equal((1, 2, 2), (config.GetInt("a.x"), config.GetInt("a.y"), config.GetInt("a.z")));
    }

    [Fact]
    public void Objects_merge_recursively()
    {
        var config = HoconText.Parse("a { b { x = 1 } }\na { b { y = 2 } }");

        Assert.Equal(["x", "y"], config.GetConfig("a.b").Keys);
    }

    [Fact]
    public void Later_non_object_replaces_an_earlier_value()
    {
        var config = HoconText.Parse("a { x = 1 }\na = 5\nb = 1\nb = [2]");

        Assert.Equal(5, config.GetInt("a"));
        Assert.Equal(["2"], config.GetStringList("b"));
    }

    [Fact]
    public void Object_after_a_replacing_value_does_not_bring_back_hidden_fields()
    {
        var config = HoconText.Parse("a { x = 1 }\na = 5\na { y = 2 }");

        Assert.Equal(["y"], config.GetConfig("a").Keys);
    }

    [Fact]
    public void Later_object_replaces_an_earlier_string()
    {
        var config = HoconText.Parse("a = text\na { y = 2 }");

        Assert.Equal(2, config.GetInt("a.y"));
    }
}
