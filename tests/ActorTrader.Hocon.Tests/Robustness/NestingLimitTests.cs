using ActorTrader.Hocon.Tests.Support;

namespace ActorTrader.Hocon.Tests.Robustness;

/// <summary>Hostile nesting fails with a positioned <see cref="HoconException"/> instead of overflowing the stack (which kills the process).</summary>
public sealed class NestingLimitTests
{
    private const int Hostile = 100_000;

    [Fact]
    public void Deeply_nested_arrays_fail_with_the_position_where_the_limit_is_crossed()
    {
        var error = HoconText.ParseError("a = " + new string('[', Hostile) + new string(']', Hostile));

        Assert.Contains("deeper than 256", error.Message, StringComparison.Ordinal);
        Assert.Equal(new HoconPosition("test.conf", 1, 5 + 255), error.Position);
    }

    [Fact]
    public void Deeply_nested_objects_fail_cleanly()
    {
        var error = HoconText.ParseError("a = " + string.Concat(Enumerable.Repeat("{b:", Hostile)) + "1" + new string('}', Hostile));

        Assert.Contains("deeper than 256", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Very_long_dotted_key_fails_cleanly()
    {
        var error = HoconText.ParseError(string.Join('.', Enumerable.Repeat("a", Hostile)) + " = 1");

        Assert.Contains("deeper than 256", error.Message, StringComparison.Ordinal);
        Assert.Equal(new HoconPosition("test.conf", 1, 1), error.Position);
    }

    [Fact]
    public void Nesting_just_inside_the_limit_still_parses_and_renders()
    {
        // The root object is level 1, so 255 brackets reach exactly 256.
        var config = HoconText.Parse("a = " + new string('[', 255) + new string(']', 255));

        Assert.Contains(new string('[', 255), config.ToJson(indented: false), StringComparison.Ordinal);
    }

    [Fact]
    public void Included_file_counts_the_depth_of_the_include_point()
    {
        using var directory = new TempDirectory();
        directory.Write("deep.conf", "x = " + new string('[', 100) + new string(']', 100));
        var text = string.Join('.', Enumerable.Repeat("k", 200)) + " { include \"deep.conf\" }";

        var error = Assert.ThrowsAny<HoconException>(() =>
            ConfigurationFactory.ParseString(text, HoconText.NoEnvironment with { BaseDirectory = directory.Path }));

        Assert.Contains("deep.conf", error.Position!.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Properties_key_with_too_many_dots_fails_cleanly()
    {
        using var directory = new TempDirectory();
        var file = directory.Write("deep.properties", string.Join('.', Enumerable.Repeat("p", 1000)) + " = v\n");

        var error = Assert.ThrowsAny<HoconException>(() => ConfigurationFactory.ParseFile(file, HoconText.NoEnvironment));

        Assert.Equal(new HoconPosition(file, 1, 1), error.Position);
    }

    [Fact]
    public void Long_chain_of_forward_substitutions_fails_cleanly()
    {
        var text = string.Join('\n', Enumerable.Range(0, Hostile).Select(i => $"a{i} = ${{a{i + 1}}}")) + $"\na{Hostile} = 1";

        var error = HoconText.ParseError(text);

        Assert.Contains("more than 512", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Position);
    }

    [Fact]
    public void Substitutions_that_build_deep_nesting_fail_before_rendering()
    {
        // Each field wraps the previous one; resolved in order the nesting grows without deep recursion.
        var text = "a0 = 1\n" + string.Join('\n', Enumerable.Range(1, 1000).Select(i => $"a{i} = {{ x = ${{a{i - 1}}} }}"));

        var error = Assert.ThrowsAny<HoconException>(() => HoconText.Parse(text).ToJson());

        Assert.Contains("deeper than 256", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resources_that_include_each_other_are_an_include_cycle()
    {
        var assembly = typeof(NestingLimitTests).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(".cycle-a.conf", StringComparison.Ordinal));

        var error = Assert.ThrowsAny<HoconException>(() => ConfigurationFactory.FromResource(assembly, name, HoconText.NoEnvironment));

        Assert.Contains("Include cycle", error.Message, StringComparison.Ordinal);
        Assert.Contains("cycle-b.conf", error.Message, StringComparison.Ordinal);
    }
}
