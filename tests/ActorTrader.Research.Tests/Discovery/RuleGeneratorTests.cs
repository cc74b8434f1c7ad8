using ActorTrader.Research.Discovery;
using ActorTrader.Research.Randomness;
using ActorTrader.Research.Tests.Genetics;
using FsCheck.Fluent;

namespace ActorTrader.Research.Tests.Discovery;

public sealed class RuleGeneratorTests
{
    private static readonly RuleGenerator Generator = new(DiscoverySettings.Default with { MaxDepth = 10 });

    private static readonly FsCheck.Gen<(ulong Seed, int Depth)> SeedsAndDepths = PropertyCheck.Seeds.Zip(Gen.Choose(2, 10));

    [Fact]
    public void Grown_trees_never_exceed_the_requested_depth()
    {
        PropertyCheck.Holds(SeedsAndDepths, p => Generator.Grow(p.Depth, new ResearchRandom(p.Seed)).Depth <= p.Depth, tests: 300);
    }

    [Fact]
    public void Full_trees_reach_exactly_the_requested_depth()
    {
        PropertyCheck.Holds(SeedsAndDepths, p => Generator.Full(p.Depth, new ResearchRandom(p.Seed)).Depth == p.Depth, tests: 300);
    }

    [Fact]
    public void Grown_and_full_trees_stay_within_the_size_limit_at_any_depth()
    {
        var deep = new RuleGenerator(DiscoverySettings.Default with { MaxDepth = 16 });

        PropertyCheck.Holds(PropertyCheck.Seeds.Zip(Gen.Choose(2, 16)), p =>
        {
            var grown = deep.Grow(p.Item2, new ResearchRandom(p.Item1));
            var full = deep.Full(p.Item2, new ResearchRandom(p.Item1));
            return grown.Size <= deep.Settings.MaxSize && full.Size <= deep.Settings.MaxSize && full.Depth == p.Item2;
        }, tests: 300);
    }

    [Fact]
    public void Settings_whose_initial_full_trees_exceed_the_size_limit_are_refused_naming_both_keys()
    {
        var error = Assert.Throws<ArgumentException>(() => new RuleGenerator(DiscoverySettings.Default with { MaxDepth = 12, InitialMaxDepth = 8, MaxSize = 64 }));

        Assert.Contains("initial-max-depth 8 generates full trees of 127 nodes, above max-size 64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Initial_rules_stay_within_the_initial_depth_and_vary_in_depth()
    {
        var rng = new ResearchRandom(1);

        var depths = Enumerable.Range(0, 200).Select(_ => Generator.Rule(rng)).SelectMany(r => new[] { r.Entry.Depth, r.Exit.Depth }).ToArray();

        Assert.All(depths, d => Assert.InRange(d, 2, DiscoverySettings.Default.InitialMaxDepth));
        Assert.Equal(Enumerable.Range(2, DiscoverySettings.Default.InitialMaxDepth - 1), depths.Distinct().Order());
    }

    [Fact]
    public void Generated_comparisons_relate_like_scales()
    {
        var rng = new ResearchRandom(2);

        var comparisons = Enumerable.Range(0, 2000).Select(_ => Generator.Comparison(rng)).ToArray();

        Assert.All(comparisons, c =>
        {
            if (c.Right is Indicator right) Assert.Equal(c.Left.Scale, right.Scale);
            else Assert.NotEqual(IndicatorScale.Price, c.Left.Scale);
        });
    }

    [Fact]
    public void Generated_constants_come_from_the_grid_of_their_scale()
    {
        var rng = new ResearchRandom(3);

        var rsiConstants = Enumerable.Range(0, 3000).Select(_ => Generator.Comparison(rng))
            .Where(c => c.Left.Kind == IndicatorKind.Rsi && c.Right is Constant).Select(c => ((Constant)c.Right).Value).ToArray();

        Assert.NotEmpty(rsiConstants);
        Assert.All(rsiConstants, v => Assert.True(v is >= 5 and <= 95 && v == Math.Floor(v), $"rsi threshold {v}"));
    }

    [Fact]
    public void Generated_windows_come_from_the_configured_set()
    {
        var generator = new RuleGenerator(DiscoverySettings.Default with { Windows = [7, 21] });
        var rng = new ResearchRandom(4);

        var windows = Enumerable.Range(0, 500).Select(_ => generator.Comparison(rng)).SelectMany(c => new[] { c.Left, c.Right as Indicator })
            .Where(i => i is not null && i.Kind.HasWindow()).Select(i => i!.Window).Distinct().Order();

        Assert.Equal([7, 21], windows);
    }

    [Fact]
    public void The_same_seed_generates_the_same_rules()
    {
        var a = new ResearchRandom(5);
        var b = new ResearchRandom(5);

        var first = Enumerable.Range(0, 20).Select(_ => Generator.Rule(a)).ToArray();
        var second = Enumerable.Range(0, 20).Select(_ => Generator.Rule(b)).ToArray();

        Assert.Equal(first, second);
    }

    [Fact]
    public void A_depth_below_two_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Generator.Grow(1, new ResearchRandom(1)));
    }

    [Fact]
    public void Settings_with_an_initial_depth_above_the_limit_are_refused_naming_the_key()
    {
        var error = Assert.Throws<ArgumentException>(() => new RuleGenerator(DiscoverySettings.Default with { MaxDepth = 3, InitialMaxDepth = 4 }));

        Assert.Contains("initial-max-depth is 4", error.Message, StringComparison.Ordinal);
    }
}
