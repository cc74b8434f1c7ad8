using ActorTrader.Hocon.Tests.Support;

namespace ActorTrader.Hocon.Tests.Resolution;

public sealed class SubstitutionTests
{
    [Fact]
    public void Substitution_looks_forward_to_the_final_value()
    {
        var config = HoconText.Parse("a = ${b}\nb = 1\nb = 2");

        Assert.Equal(2, config.GetInt("a"));
    }

    [Fact]
    public void Substitution_keeps_the_type_of_the_value()
    {
        var config = HoconText.Parse("base { x = 1 }\ncopy = ${base}\nlist = [1, 2]\nsame = ${list}");

        Assert.Equal(1, config.GetInt("copy.x"));
        Assert.Equal(HoconValueKind.Array, config.GetValue("same")!.Kind);
    }

    [Fact]
    public void Substitution_follows_nested_and_quoted_paths()
    {
        var config = HoconText.Parse("a.b.c = deep\n\"x.y\".z = quoted\nr1 = ${a.b.c}\nr2 = ${\"x.y\".z}");

        Assert.Equal("deep", config.GetString("r1"));
        Assert.Equal("quoted", config.GetString("r2"));
    }

    [Fact]
    public void Substitution_into_a_merged_object_sees_later_fields()
    {
        var config = HoconText.Parse("bar { foo = 42, baz = ${bar.foo} }\nbar { foo = 43 }");

        Assert.Equal(43, config.GetInt("bar.baz"));
    }

    [Fact]
    public void Missing_optional_substitution_removes_the_field()
    {
        var config = HoconText.Parse("a = ${?nowhere}\nb = 1");

        Assert.False(config.HasPath("a"));
        Assert.Equal(["b"], config.Keys);
    }

    [Fact]
    public void Missing_optional_substitution_keeps_an_earlier_value_of_the_field()
    {
        var config = HoconText.Parse("a = 1\na = ${?nowhere}");

        Assert.Equal(1, config.GetInt("a"));
    }

    [Fact]
    public void Missing_optional_substitution_in_an_array_removes_the_element()
    {
        var config = HoconText.Parse("a = [1, ${?nowhere}, 3]");

        Assert.Equal(["1", "3"], config.GetStringList("a"));
    }

    [Fact]
    public void Missing_optional_substitution_in_a_concatenation_adds_nothing()
    {
        var config = HoconText.Parse("a = pre${?nowhere}post");

        Assert.Equal("prepost", config.GetString("a"));
    }

    [Fact]
    public void Substitution_to_null_is_null()
    {
        var config = HoconText.Parse("a = null\nb = ${a}");

        Assert.True(config.GetValue("b")!.IsNull);
    }

    [Fact]
    public void Missing_substitution_falls_back_to_the_environment()
    {
        var environment = new Dictionary<string, string> { ["HOME_DIR"] = "/home/x" };

        var config = HoconText.Parse("home = ${HOME_DIR}\nopt = ${?HOME_DIR}", environment);

        Assert.Equal("/home/x", config.GetString("home"));
        Assert.Equal("/home/x", config.GetString("opt"));
    }

    [Fact]
    public void Config_value_wins_over_the_environment()
    {
        var environment = new Dictionary<string, string> { ["port"] = "1" };

        var config = HoconText.Parse("port = 2\nuse = ${port}", environment);

        Assert.Equal(2, config.GetInt("use"));
    }

    [Fact]
    public void Environment_fallback_can_be_switched_off()
    {
        var options = new HoconParseOptions
        {
            UseEnvironment = false,
            Environment = new Dictionary<string, string> { ["X"] = "1" },
        };

        var error = Assert.ThrowsAny<HoconException>(() => ConfigurationFactory.ParseString("a = ${X}", options));

        Assert.Equal("${X}", error.Token);
    }

    [Fact]
    public void Optional_environment_override_keeps_the_default_when_unset()
    {
        var config = HoconText.Parse("port = 8080\nport = ${?PORT}", new Dictionary<string, string>());
        var overridden = HoconText.Parse("port = 8080\nport = ${?PORT}", new Dictionary<string, string> { ["PORT"] = "9000" });

        Assert.Equal(8080, config.GetInt("port"));
        Assert.Equal(9000, overridden.GetInt("port"));
    }

    [Fact]
    public void Unresolved_config_resolves_after_combining_with_its_fallback()
    {
        var options = HoconText.NoEnvironment with { ResolveSubstitutions = false };
        var user = ConfigurationFactory.ParseString("app.url = \"http://\"${app.host}", options);
        var reference = ConfigurationFactory.ParseString("app.host = localhost", options);

        var combined = user.WithFallback(reference);

        Assert.False(combined.IsResolved);
        Assert.Throws<HoconException>(() => combined.GetString("app.url"));
        Assert.Equal("http://localhost", combined.Resolve().GetString("app.url"));
    }
}
