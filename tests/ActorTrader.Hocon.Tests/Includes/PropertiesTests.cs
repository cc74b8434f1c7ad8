using ActorTrader.Hocon.Tests.Support;

namespace ActorTrader.Hocon.Tests.Includes;

public sealed class PropertiesTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private Config Load(string properties) =>
        ConfigurationFactory.ParseFile(_dir.Write("p.properties", properties), new HoconParseOptions { UseEnvironment = false });

    [Fact]
    public void Keys_split_at_dots_into_paths_and_values_are_strings()
    {
        var config = Load("a.b.c=42\nflag=true");

        Assert.Equal(HoconValueKind.String, config.GetValue("a.b.c")!.Kind);
        Assert.Equal(42, config.GetInt("a.b.c"));
        Assert.True(config.GetBoolean("flag"));
    }

    [Fact]
    public void Colon_and_whitespace_also_separate_key_and_value()
    {
        var config = Load("a:1\nb 2\nc = three words");

        Assert.Equal(("1", "2", "three words"), (config.GetString("a"), config.GetString("b"), config.GetString("c")));
    }

    [Fact]
    public void Comments_continuations_and_escapes_follow_java_rules()
    {
        var config = Load("# comment\n! also comment\nlong = one \\\n   two\nesc = tab\\there \\u0041");

        Assert.Equal(["esc", "long"], config.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("one two", config.GetString("long"));
        Assert.Equal("tab\there A", config.GetString("esc"));
    }

    [Fact]
    public void When_a_key_is_both_a_value_and_a_parent_the_object_wins()
    {
        var config = Load("a=1\na.b=2");

        Assert.Equal(2, config.GetInt("a.b"));
    }
}
