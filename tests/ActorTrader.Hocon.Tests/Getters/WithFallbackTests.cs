using ActorTrader.Hocon.Tests.Support;

namespace ActorTrader.Hocon.Tests.Getters;

public sealed class WithFallbackTests
{
    [Fact]
    public void This_config_wins_over_the_fallback()
    {
        var merged = HoconText.Parse("a = 1").WithFallback(HoconText.Parse("a = 2\nb = 3"));

        Assert.Equal((1, 3), (merged.GetInt("a"), merged.GetInt("b")));
    }

    [Fact]
    public void Objects_merge_recursively()
    {
        var merged = HoconText.Parse("x.y { a = 1 }").WithFallback(HoconText.Parse("x.y { b = 2 }\nx.z = 3"));

        Assert.Equal(["a", "b"], merged.GetConfig("x.y").Keys.Order(StringComparer.Ordinal));
        Assert.Equal(3, merged.GetInt("x.z"));
    }

    [Fact]
    public void A_non_object_hides_the_fallbacks_object()
    {
        var merged = HoconText.Parse("x = off").WithFallback(HoconText.Parse("x { enabled = true }"));

        Assert.Equal("off", merged.GetString("x"));
        Assert.False(merged.HasPath("x.enabled"));
    }

    [Fact]
    public void Fallback_chains_apply_in_order()
    {
        var merged = HoconText.Parse("a = 1").WithFallback(HoconText.Parse("a = 2, b = 2")).WithFallback(HoconText.Parse("a = 3, b = 3, c = 3"));

        Assert.Equal((1, 2, 3), (merged.GetInt("a"), merged.GetInt("b"), merged.GetInt("c")));
    }

    [Fact]
    public void Merging_leaves_both_inputs_unchanged()
    {
        var first = HoconText.Parse("a { x = 1 }");
        var second = HoconText.Parse("a { y = 2 }");

        _ = first.WithFallback(second);

        Assert.False(first.HasPath("a.y"));
        Assert.False(second.HasPath("a.x"));
    }

    [Fact]
    public void Empty_is_a_neutral_fallback()
    {
        var config = HoconText.Parse("a { b = 1 }");

        Assert.Equal(config.ToJson(), config.WithFallback(ConfigurationFactory.Empty).ToJson());
        Assert.Equal(config.ToJson(), ConfigurationFactory.Empty.WithFallback(config).ToJson());
    }
}
