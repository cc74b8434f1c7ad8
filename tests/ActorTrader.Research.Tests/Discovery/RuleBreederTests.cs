using ActorTrader.Research.Discovery;
using ActorTrader.Research.Genetics;
using ActorTrader.Research.Randomness;
using ActorTrader.Research.Tests.Genetics;

namespace ActorTrader.Research.Tests.Discovery;

/// <summary>The rule breeder of the discovery population: reproducible, within the limits, elitist, and a lossless store of its genomes.</summary>
public sealed class RuleBreederTests
{
    private static readonly DiscoverySettings Limits = DiscoverySettings.Default with { MaxDepth = 4, MaxSize = 7, InitialMaxDepth = 3 };

    private static RuleBreeder Breeder(int elites = 0) => new("discovery", Limits, BreedingSettings.Default with { EliteCount = elites, PopulationSize = 20 });

    // Bigger rules score higher: selection pushes against the size limit.
    private static IReadOnlyList<ScoredGenome> BySize(IReadOnlyList<Genome> genomes) =>
        [.. genomes.Select(g => TestGenomes.Scored(g, g.Rule!.Entry.Size + g.Rule.Exit.Size))];

    [Fact]
    public void The_same_scored_rules_and_generator_state_breed_the_same_children()
    {
        var breeder = Breeder();
        var scored = BySize(breeder.Initial(20, new ResearchRandom(3)));

        var first = breeder.NextGeneration(scored, 20, 0.3, new ResearchRandom(11));
        var second = breeder.NextGeneration([.. scored.Reverse()], 20, 0.3, new ResearchRandom(11));

        Assert.Equal(first.Select(g => g.Key), second.Select(g => g.Key));
    }

    [Fact]
    public void No_child_is_deeper_or_larger_than_the_discovery_limits_however_long_selection_pushes_for_size()
    {
        var breeder = Breeder();
        var rng = new ResearchRandom(5);
        var genomes = breeder.Initial(20, rng);
        var sides = new List<Condition>();
        for (var generation = 0; generation < 25; generation++)
        {
            genomes = breeder.NextGeneration(BySize(genomes), 20, 0.5, rng);
            sides.AddRange(genomes.SelectMany(g => new[] { g.Rule!.Entry, g.Rule.Exit }));
        }

        Assert.All(sides, side => Assert.InRange(side.Depth, 2, Limits.MaxDepth));
        Assert.All(sides, side => Assert.InRange(side.Size, 1, Limits.MaxSize));
        Assert.Contains(sides, side => side.Size == Limits.MaxSize);
    }

    [Fact]
    public void With_elites_the_best_distinct_rules_pass_unchanged()
    {
        var breeder = Breeder(elites: 3);
        var scored = BySize(breeder.Initial(20, new ResearchRandom(8)));

        var next = breeder.NextGeneration(scored, 20, 0.5, new ResearchRandom(9));

        var best = scored.OrderByDescending(s => s.Fitness).ThenBy(s => s.Genome.Key, StringComparer.Ordinal).Select(s => s.Genome.Key).Distinct().Take(3);
        Assert.Equal(best, next.Take(3).Select(g => g.Key));
    }

    [Fact]
    public void Without_crossover_or_mutation_every_child_is_a_copy_of_a_selected_parent()
    {
        var breeder = new RuleBreeder("discovery", Limits, BreedingSettings.Default with { EliteCount = 0, CrossoverProbability = 0, MutationRateMin = 0 });
        var parents = breeder.Initial(10, new ResearchRandom(4));

        var children = breeder.NextGeneration(BySize(parents), 30, 0, new ResearchRandom(6));

        Assert.All(children, child => Assert.Contains(child.Key, parents.Select(p => p.Key)));
    }

    [Fact]
    public void A_bred_rule_restored_from_its_stored_text_is_the_same_genome()
    {
        var breeder = Breeder();
        var bred = breeder.NextGeneration(BySize(breeder.Initial(20, new ResearchRandom(2))), 20, 0.5, new ResearchRandom(7));

        var restored = bred.Select(g => breeder.Restore(new Dictionary<string, double>(), g.Rule!.ToString()));

        Assert.Equal(bred, restored);
    }

    [Theory]
    [InlineData("entry: gt(close, sma(20)); exit: lt(close", "does not parse")]
    [InlineData("entry: and(and(and(gt(close, sma(5)), gt(close, sma(10))), gt(close, sma(20))), gt(close, sma(50))); exit: lt(close, sma(20))", "max-depth 4")]
    public void A_stored_rule_that_does_not_parse_or_fit_the_limits_is_refused_naming_the_fix(string text, string expected)
    {
        var refused = Assert.ThrowsAny<ArgumentException>(() => Breeder().Restore(new Dictionary<string, double>(), text));

        Assert.Contains(expected, refused.Message);
        Assert.Contains("Fix:", refused.Message);
    }

    [Fact]
    public void A_stored_genome_without_a_rule_is_not_a_rule_of_the_discovery_population()
    {
        var refused = Assert.Throws<ArgumentException>(() => Breeder().Restore(new Dictionary<string, double> { ["hold_bars"] = 8 }, null));

        Assert.Contains("evolves rules", refused.Message);
    }

    [Fact]
    public void Diversity_is_zero_for_identical_rules_and_nears_one_half_when_every_rule_differs()
    {
        var breeder = Breeder();
        var distinct = breeder.Initial(20, new ResearchRandom(1)).DistinctBy(g => g.Key).ToList();
        var same = Enumerable.Repeat(distinct[0], 20).ToList();

        Assert.Equal(0, breeder.Diversity(same));
        Assert.Equal(0.5 * (1 - 1.0 / distinct.Count), breeder.Diversity(distinct), 12);
    }
}
