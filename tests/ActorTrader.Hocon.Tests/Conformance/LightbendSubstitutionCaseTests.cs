using ActorTrader.Hocon.Tests.Support;

namespace ActorTrader.Hocon.Tests.Conformance;

/// <summary>
/// Self-referential, optional and merged substitutions as lightbend/config resolves them.
/// Cases adapted from lightbend/config tests (ConfigSubstitutionTest.scala) and HOCON.md, Apache-2.0.
/// </summary>
public sealed class LightbendSubstitutionCaseTests
{
    // case adapted from lightbend/config tests, Apache-2.0
    public static TheoryData<string, string, string> Resolved() => new()
    {
        { "a: 42, a : ${?NOT_HERE}", "a", "42" },
        { "HERE : 43, a: 42, a : ${?HERE}", "a", "43" },
        { "a: { b : 42 }, a : ${?NOT_HERE}", "a.b", "42" },
        { "a=1, a=${a}", "a", "1" },
        { "a.b=1, a.b=${a.b}", "a.b", "1" },
        { "a.b.c=1, a.b.c=${a.b.c}", "a.b.c", "1" },
        { "foo : { a : { c : 1 } }\nfoo : ${foo.a}\nfoo : { a : 2 }", "foo.c", "1" },
        { "foo : { a : { c : 1 } }\nfoo : ${foo.a}\nfoo : { a : 2 }", "foo.a", "2" },
        { "a=1, b=${a}, a=${b}", "a", "1" },
        { "a={b=5}, a=${a}", "a.b", "5" },
        { "a.b={c=5}, a.b=${a.b}", "a.b.c", "5" },
        { "a=1, a=${a}foo", "a", "1foo" },
        { "a=${?a}foo", "a", "foo" },
        { "a=${?b}foo,b=${?a}", "a", "foo" },
        { "a=${?a}foo${?a}", "a", "foo" },
        { "a=1,a=${?a}foo${?a}", "a", "1foo1" },
        { "a=1, a=${a}, a=2", "a", "2" },
        { "a={b=5}, a=${a}, a={c=6}", "a.b", "5" },
        { "a={b=5}, a=${a}, a={c=6}", "a.c", "6" },
        { "a=1, a=${?a}, a=2", "a", "2" },
        { "a=${a}, a=1, a=2", "a", "2" },
        { "a=${?a}, a=1, a=2", "a", "2" },
        { "a=1, a=2, a=${a}", "a", "2" },
        { "a=1, a=2, a=${?a}", "a", "2" },
        { "a={b={c=5}}, a=${a.b}, a={b=2}", "a.c", "5" },
        { "a={b={c=5}}, a={ x : ${a.b} }, a={b=2}", "a.x", "2" },
        { "bar : { foo : 42, baz : ${bar.foo} }", "bar.baz", "42" },
        { "bar : { foo : 42, baz : ${bar.foo} }\nbar : { foo : 43 }", "bar.baz", "43" },
        { "bar : { foo : 43 }\nbar : { foo : 42, baz : ${bar.foo} }", "bar.baz", "42" },
        { "bar : 101\nbar : { foo : 42, baz : ${bar.foo} }", "bar.baz", "42" },
        { "x : 0\nbar : [ ${x}, 1, 2, 3 ]\nbar : { foo : 42, baz : ${bar.foo} }", "bar.baz", "42" },
        { "bar : { a : ${foo.d}, b : 1 }\nbar.b = 3\nfoo : { c : ${bar.b}, d : 2 }\nfoo.d = 4", "bar.a", "4" },
        { "bar : { a : ${foo.d}, b : 1 }\nbar.b = 3\nfoo : { c : ${bar.b}, d : 2 }\nfoo.d = 4", "foo.c", "3" },
        { "a=1,a=${a},a=${a},a=${a}", "a", "1" },
        { "a=1,a=${a}x,a=${a}y,a=${a}z", "a", "1xyz" },
        { "a=1, a={ x : 42, y : ${a.x} }", "a.y", "42" },
        { "foo : ${does-not-exist}\nfoo : 42", "foo", "42" },
        { "path : \"a:b:c\"\npath : ${path}\":d\"", "path", "a:b:c:d" },
    };

    [Theory]
    [MemberData(nameof(Resolved))]
    public void Substitution_resolves_as_lightbend_does(string hocon, string path, string expected)
    {
        Assert.Equal(expected, HoconText.Parse(hocon).GetString(path));
    }

    [Theory]
    [InlineData("a=${a}")]
    [InlineData("a=1,a=[${a}, 2]")]
    [InlineData("a=1,a={ x : ${a} }")]
    [InlineData("a:${b},b:${c},c:${d},d:${a}")]
    [InlineData("foo : ${foo}\nfoo : { a : 1 }")]
    public void Unbreakable_self_reference_is_an_error_naming_the_substitution(string hocon)
    {
        var error = HoconText.ParseError(hocon);

        Assert.Contains("${", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Position);
    }

    [Fact]
    public void Optional_self_reference_with_nothing_below_makes_the_field_disappear()
    {
        Assert.Empty(HoconText.Parse("a=${?a}").Keys);
    }

    [Fact]
    public void Optional_substitution_vanishes_from_an_array()
    {
        Assert.Equal(["1", "2", "3"], HoconText.Parse("a : [ 1, 2, 3, ${?NOT_HERE} ]").GetStringList("a"));
    }

    [Fact]
    public void Optional_substitution_overriding_an_object_with_a_value_hides_the_object()
    {
        var config = HoconText.Parse("HERE : 43, a: { b : 42 }, a : ${?HERE}");

        Assert.Equal(43, config.GetInt("a"));
        Assert.False(config.HasPath("a.b"));
    }

    [Fact]
    public void Undefined_optional_substitution_next_to_an_array_acts_as_an_empty_array()
    {
        Assert.Equal(["1"], HoconText.Parse("a = ${?nope} [1]").GetStringList("a"));
    }

    [Fact]
    public void Environment_variable_overrides_a_default_only_when_set()
    {
        const string Text = "port = 8080\nport = ${?APP_PORT}";

        Assert.Equal(9090, HoconText.Parse(Text, new Dictionary<string, string> { ["APP_PORT"] = "9090" }).GetInt("port"));
        Assert.Equal(8080, HoconText.Parse(Text, new Dictionary<string, string>()).GetInt("port"));
    }

    [Fact]
    public void Object_merge_order_holds_with_a_substitution_in_the_middle()
    {
        var config = HoconText.Parse("a = {x:1, y:0}, a = ${b}, a = {y:2}, b = {z:3, x:9}");

        Assert.Equal((9, 2, 3), (config.GetInt("a.x"), config.GetInt("a.y"), config.GetInt("a.z")));
    }
}
