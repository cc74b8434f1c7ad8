using ActorTrader.Hocon.Tests.Support;

namespace ActorTrader.Hocon.Tests.Includes;

public sealed class IncludeTests : IDisposable
{
    private static readonly HoconParseOptions Options = new() { UseEnvironment = false };
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private Config ParseMain(string text) => ConfigurationFactory.ParseFile(_dir.Write("main.conf", text), Options);

    [Fact]
    public void Quoted_include_merges_the_file_at_the_include_point()
    {
        _dir.Write("db.conf", "host = localhost\nport = 5432");

        var config = ParseMain("database { include \"db.conf\"\n port = 6543 }");

        Assert.Equal("localhost", config.GetString("database.host"));
        Assert.Equal(6543, config.GetInt("database.port"));
    }

    [Fact]
    public void Fields_after_an_include_override_it_and_included_fields_override_earlier_ones()
    {
        _dir.Write("x.conf", "a = included\nb = included");

        var config = ParseMain("a = before\ninclude \"x.conf\"\nb = after");

        Assert.Equal("included", config.GetString("a"));
        Assert.Equal("after", config.GetString("b"));
    }

    [Fact]
    public void File_include_syntax_loads_the_file()
    {
        _dir.Write("x.conf", "a = 1");

        var config = ParseMain("include file(\"x.conf\")");

        Assert.Equal(1, config.GetInt("a"));
    }

    [Fact]
    public void Required_include_loads_an_existing_file()
    {
        _dir.Write("x.conf", "a = 1");

        var config = ParseMain("include required(file(\"x.conf\"))\ninclude required(\"x.conf\")");

        Assert.Equal(1, config.GetInt("a"));
    }

    [Fact]
    public void Missing_plain_include_is_ignored()
    {
        var config = ParseMain("include \"nothing-here.conf\"\na = 1");

        Assert.Equal(["a"], config.Keys);
    }

    [Fact]
    public void Missing_required_include_is_an_error_at_the_include()
    {
        var path = _dir.Write("main.conf", "a = 1\n  include required(file(\"nothing-here.conf\"))");

        var error = Assert.ThrowsAny<HoconException>(() => ConfigurationFactory.ParseFile(path, Options));

        Assert.Equal(new HoconPosition(path, 2, 3), error.Position);
        Assert.Equal("include required(file(\"nothing-here.conf\"))", error.Token);
        Assert.Contains("nothing-here.conf", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Includes_resolve_relative_to_the_including_file()
    {
        _dir.Write("conf/app.conf", "include \"parts/db.conf\"");
        _dir.Write("conf/parts/db.conf", "include \"shared.conf\"\ndb = yes");
        _dir.Write("conf/parts/shared.conf", "shared = 1");
        _dir.Write("shared.conf", "shared = wrong");

        var config = ParseMain("include \"conf/app.conf\"");

        Assert.Equal(1, config.GetInt("shared"));
        Assert.True(config.GetBoolean("db"));
    }

    [Fact]
    public void Include_from_a_string_resolves_against_the_base_directory()
    {
        _dir.Write("x.conf", "a = 1");

        var config = ConfigurationFactory.ParseString("include \"x.conf\"", Options with { BaseDirectory = _dir.Path });

        Assert.Equal(1, config.GetInt("a"));
    }

    [Fact]
    public void Include_without_extension_merges_conf_json_and_properties_with_conf_winning()
    {
        _dir.Write("all.conf", "fromConf = 1\nshared = conf");
        _dir.Write("all.json", "{ \"fromJson\": 2, \"shared\": \"json\" }");
        _dir.Write("all.properties", "fromProps=3\nshared=props");

        var config = ParseMain("include \"all\"");

        Assert.Equal((1, 2, "3"), (config.GetInt("fromConf"), config.GetInt("fromJson"), config.GetString("fromProps")));
        Assert.Equal("conf", config.GetString("shared"));
    }

    [Fact]
    public void Included_substitution_is_looked_up_at_the_include_location_first()
    {
        _dir.Write("foo.conf", "x = 10\ny = ${x}");

        var config = ParseMain("a { include \"foo.conf\" }\na { x = 42 }\nx = root");

        Assert.Equal(42, config.GetInt("a.y"));
    }

    [Fact]
    public void Included_substitution_falls_back_to_the_root()
    {
        _dir.Write("foo.conf", "y = ${top}");

        var config = ParseMain("a { include \"foo.conf\" }\ntop = 7");

        Assert.Equal(7, config.GetInt("a.y"));
    }

    [Fact]
    public void Include_cycle_is_an_error_at_the_include_that_closes_it()
    {
        var main = _dir.Write("main.conf", "include \"b.conf\"");
        var b = _dir.Write("b.conf", "x = 1\ninclude \"main.conf\"");

        var error = Assert.ThrowsAny<HoconException>(() => ConfigurationFactory.ParseFile(main, Options));

        Assert.Equal(new HoconPosition(b, 2, 1), error.Position);
        Assert.Equal("include \"main.conf\"", error.Token);
        Assert.Contains("main.conf -> b.conf -> main.conf", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_file_may_be_included_twice_without_a_cycle()
    {
        _dir.Write("x.conf", "v = 1");

        var config = ParseMain("a { include \"x.conf\" }\nb { include \"x.conf\" }");

        Assert.Equal(2, config.GetInt("a.v") + config.GetInt("b.v"));
    }

    [Fact]
    public void Url_includes_are_rejected_with_a_clear_error()
    {
        var error = Assert.ThrowsAny<HoconException>(() => ParseMain("include url(\"http://example.com/x.conf\")"));

        Assert.Contains("not supported", error.Message, StringComparison.Ordinal);
    }
}
