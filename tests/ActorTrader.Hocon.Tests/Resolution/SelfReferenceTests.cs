using ActorTrader.Hocon.Tests.Support;

namespace ActorTrader.Hocon.Tests.Resolution;

public sealed class SelfReferenceTests
{
    [Fact]
    public void String_field_can_extend_its_earlier_value()
    {
        var config = HoconText.Parse("path = \"/usr/bin\"\npath = ${path}\":/bin\"");

        Assert.Equal("/usr/bin:/bin", config.GetString("path"));
    }

    [Fact]
    public void Array_field_can_extend_its_earlier_value()
    {
        var config = HoconText.Parse("a = [1, 2]\na = ${a} [3]");

        Assert.Equal(["1", "2", "3"], config.GetStringList("a"));
    }

    [Fact]
    public void Self_references_chain_through_several_definitions()
    {
        var config = HoconText.Parse("p = a\np = ${p}b\np = ${p}c");

        Assert.Equal("abc", config.GetString("p"));
    }

    [Fact]
    public void Self_reference_inside_a_path_sees_the_value_below()
    {
        var config = HoconText.Parse("foo { a { c = 1 } }\nfoo = ${foo.a}\nfoo { a = 2 }");

        Assert.Equal(2, config.GetInt("foo.a"));
        Assert.Equal(1, config.GetInt("foo.c"));
    }

    [Fact]
    public void Object_field_can_extend_its_earlier_value()
    {
        var config = HoconText.Parse("foo { a = 1 }\nfoo = ${foo} { b = 2 }");

        Assert.Equal(["a", "b"], config.GetConfig("foo").Keys);
    }

    [Fact]
    public void Optional_self_reference_without_earlier_value_removes_the_field()
    {
        var config = HoconText.Parse("foo = ${?foo}\nbar = 1");

        Assert.Equal(["bar"], config.Keys);
    }

    [Fact]
    public void Required_self_reference_without_earlier_value_is_unresolved()
    {
        var error = HoconText.ParseError("foo = ${foo}");

        Assert.Equal(new HoconPosition("test.conf", 1, 7), error.Position);
        Assert.Equal("${foo}", error.Token);
    }

    [Fact]
    public void Hidden_substitution_is_never_evaluated()
    {
        var config = HoconText.Parse("foo = ${does-not-exist}\nfoo = 42\nbar = ${bar}\nbar = 1");

        Assert.Equal(42, config.GetInt("foo"));
        Assert.Equal(1, config.GetInt("bar"));
    }

    [Fact]
    public void Self_reference_in_an_included_style_field_sees_environment_when_nothing_is_below()
    {
        var config = HoconText.Parse("PATH = ${PATH}\":/extra\"", new Dictionary<string, string> { ["PATH"] = "/bin" });

        Assert.Equal("/bin:/extra", config.GetString("PATH"));
    }
}
