using ActorTrader.Research.Discovery;
using ActorTrader.Research.Randomness;
using ActorTrader.Research.Tests.Genetics;
using FsCheck.Fluent;

namespace ActorTrader.Research.Tests.Discovery;

public sealed class RuleVariationTests
{
    private static readonly DiscoverySettings Tight = DiscoverySettings.Default with { MaxDepth = 4, InitialMaxDepth = 4 };

    [Fact]
    public void Crossover_and_mutation_never_exceed_the_depth_limit()
    {
        var generator = new RuleGenerator(Tight);
        var variation = new RuleVariation(Tight);

        PropertyCheck.Holds(PropertyCheck.Seeds, seed =>
        {
            var rng = new ResearchRandom(seed);
            var population = Enumerable.Range(0, 8).Select(_ => generator.Rule(rng)).ToList();
            for (var round = 0; round < 40; round++)
            {
                var i = rng.NextInt(population.Count);
                var j = rng.NextInt(population.Count);
                var (a, b) = variation.Crossover(population[i], population[j], rng);
                population[i] = variation.Mutate(a, rng);
                population[j] = b;
                if (population.Any(r => r.Depth > Tight.MaxDepth)) return false;
            }
            return true;
        }, tests: 50);
    }

    [Fact]
    public void At_max_depth_twelve_variation_keeps_every_tree_within_the_depth_and_size_limits()
    {
        var deep = DiscoverySettings.Default with { MaxDepth = 12, InitialMaxDepth = 6 };
        var generator = new RuleGenerator(deep);
        var variation = new RuleVariation(deep);

        PropertyCheck.Holds(PropertyCheck.Seeds, seed =>
        {
            var rng = new ResearchRandom(seed);
            var population = Enumerable.Range(0, 8).Select(_ => generator.Rule(rng)).ToList();
            for (var round = 0; round < 60; round++)
            {
                var i = rng.NextInt(population.Count);
                var j = rng.NextInt(population.Count);
                var (a, b) = variation.Crossover(population[i], population[j], rng);
                population[i] = variation.Mutate(a, rng);
                population[j] = variation.Mutate(b, rng);
                if (population.Any(r => r.Depth > deep.MaxDepth || r.Entry.Size > deep.MaxSize || r.Exit.Size > deep.MaxSize)) return false;
            }
            return true;
        }, tests: 50);
    }

    [Fact]
    public void A_tree_larger_than_the_size_limit_is_refused_naming_its_size_and_the_limit()
    {
        var small = new RuleVariation(DiscoverySettings.Default with { MaxDepth = 4, InitialMaxDepth = 3, MaxSize = 5 });
        var large = RuleParser.ParseCondition("and(and(gt(close, sma(5)), lt(rsi(14), 30)), and(gt(close, ema(20)), lt(ret(5), 0.01)))");

        var error = Assert.Throws<ArgumentException>(() => small.Mutate(large, new ResearchRandom(1)));

        Assert.Contains("has 7 nodes, above the max size 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Subtree_crossover_of_condition_trees_respects_the_limit_for_any_pair_within_it()
    {
        var variation = new RuleVariation(Tight);
        var pairs = RuleGens.Tree(4).Zip(RuleGens.Tree(4)).Zip(PropertyCheck.Seeds).Select(p => (p.Item1.Item1, p.Item1.Item2, p.Item2));

        PropertyCheck.Holds(pairs, p =>
        {
            var (x, y) = variation.Crossover(p.Item1, p.Item2, new ResearchRandom(p.Item3));
            return x.Depth <= 4 && y.Depth <= 4;
        }, tests: 300);
    }

    [Fact]
    public void Subtree_crossover_conserves_the_material_of_both_parents()
    {
        var variation = new RuleVariation(DiscoverySettings.Default);
        var pairs = RuleGens.Tree(5).Zip(RuleGens.Tree(5)).Zip(PropertyCheck.Seeds).Select(p => (p.Item1.Item1, p.Item1.Item2, p.Item2));

        PropertyCheck.Holds(pairs, p =>
        {
            var (x, y) = variation.Crossover(p.Item1, p.Item2, new ResearchRandom(p.Item3));
            return x.Size + y.Size == p.Item1.Size + p.Item2.Size;
        }, tests: 200);
    }

    [Fact]
    public void Point_mutation_keeps_the_shape_of_the_tree()
    {
        var variation = new RuleVariation(DiscoverySettings.Default);
        var trees = RuleGens.Tree(6).Zip(PropertyCheck.Seeds);

        PropertyCheck.Holds(trees, p =>
        {
            var mutated = variation.PointMutation(p.Item1, new ResearchRandom(p.Item2));
            return mutated.Depth == p.Item1.Depth && mutated.Size == p.Item1.Size;
        }, tests: 300);
    }

    [Fact]
    public void Point_mutation_of_a_single_comparison_changes_it()
    {
        var variation = new RuleVariation(DiscoverySettings.Default);
        var tree = RuleParser.ParseCondition("lt(rsi(14), 30)");
        var rng = new ResearchRandom(6);

        var changed = Enumerable.Range(0, 100).Count(_ => variation.PointMutation(tree, rng) != tree);

        Assert.True(changed >= 95, $"{changed} of 100 point mutations changed the comparison");
    }

    [Fact]
    public void Point_mutation_keeps_a_constant_on_the_scale_of_its_indicator()
    {
        var variation = new RuleVariation(DiscoverySettings.Default);
        var tree = RuleParser.ParseCondition("lt(rsi(14), 30)");
        var rng = new ResearchRandom(7);

        var constants = Enumerable.Range(0, 300).Select(_ => (Comparison)variation.PointMutation(tree, rng))
            .Where(c => c.Right is Constant).Select(c => ((Constant)c.Right).Value);

        Assert.All(constants, v => Assert.InRange(v, 5, 95));
    }

    [Fact]
    public void Subtree_mutation_respects_the_depth_limit_at_every_level()
    {
        var variation = new RuleVariation(Tight);
        var trees = RuleGens.Tree(4).Zip(PropertyCheck.Seeds);

        PropertyCheck.Holds(trees, p => variation.SubtreeMutation(p.Item1, new ResearchRandom(p.Item2)).Depth <= 4, tests: 300);
    }

    [Fact]
    public void A_tree_deeper_than_the_limit_is_refused_naming_depth_and_limit()
    {
        var variation = new RuleVariation(Tight);
        var deep = RuleParser.ParseCondition("not(not(not(gt(close, sma(5)))))");

        var error = Assert.Throws<ArgumentException>(() => variation.Mutate(deep, new ResearchRandom(1)));

        Assert.Contains("has depth 5, above the max depth 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_seed_varies_rules_identically()
    {
        var variation = new RuleVariation(DiscoverySettings.Default);
        var a = TradingRule.Parse("entry: and(gt(close, sma(50)), lt(rsi(14), 40)); exit: gt(rsi(14), 70)");
        var b = TradingRule.Parse("entry: crosses_above(ema(10), sma(50)); exit: or(lt(ret(5), -0.05), gt(vol(20), 0.03))");

        static string Run(RuleVariation v, TradingRule a, TradingRule b, ulong seed)
        {
            var rng = new ResearchRandom(seed);
            var (x, y) = v.Crossover(a, b, rng);
            return $"{v.Mutate(x, rng)} | {v.Mutate(y, rng)}";
        }

        Assert.Equal(Run(variation, a, b, 42), Run(variation, a, b, 42));
    }
}
