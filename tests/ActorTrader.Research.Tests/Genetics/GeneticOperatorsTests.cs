using ActorTrader.Research.Genetics;
using ActorTrader.Research.Randomness;
using ActorTrader.Strategies.Parameters;
using FsCheck.Fluent;

namespace ActorTrader.Research.Tests.Genetics;

public sealed class GeneticOperatorsTests
{
    [Fact]
    public void Tournaments_choose_better_individuals_more_often()
    {
        var fitness = Enumerable.Range(0, 10).Select(i => (double)i).ToArray();
        var wins = new int[10];
        var rng = new ResearchRandom(17);

        for (var draw = 0; draw < 20_000; draw++) wins[GeneticOperators.Tournament(fitness, 3, rng)]++;

        for (var i = 1; i < 10; i++) Assert.True(wins[i] > wins[i - 1], $"fitness {i} won {wins[i]} times, fitness {i - 1} won {wins[i - 1]}");
        // With k = 3 the best wins with probability 1 − 0.9³ ≈ 0.271.
        Assert.InRange(wins[9] / 20_000.0, 0.25, 0.29);
    }

    [Fact]
    public void Larger_tournaments_select_the_best_more_often()
    {
        var fitness = Enumerable.Range(0, 10).Select(i => (double)i).ToArray();
        var rng = new ResearchRandom(18);

        var bestOf2 = Enumerable.Range(0, 10_000).Count(_ => GeneticOperators.Tournament(fitness, 2, rng) == 9);
        var bestOf5 = Enumerable.Range(0, 10_000).Count(_ => GeneticOperators.Tournament(fitness, 5, rng) == 9);

        Assert.True(bestOf5 > bestOf2 * 1.5, $"best of 5 chose the best {bestOf5} times, best of 2 {bestOf2}");
    }

    [Fact]
    public void A_nan_fitness_wins_only_tournaments_no_number_entered()
    {
        var rng = new ResearchRandom(19);

        var nanWins = Enumerable.Range(0, 4000).Count(_ => GeneticOperators.Tournament([double.NaN, -1e9], 4, rng) == 0);

        // Index 0 wins only when all four draws picked it: (1/2)⁴ = 1/16 of tournaments.
        Assert.InRange(nanWins / 4000.0, 0.04, 0.085);
    }

    [Fact]
    public void Blend_crossover_with_alpha_zero_keeps_real_children_between_their_parents()
    {
        var space = new ParameterSpace([ParameterRange.Real("x", -10, 10, 0, "")]);
        var a = new ParameterSet([KeyValuePair.Create("x", -2.0)]);
        var b = new ParameterSet([KeyValuePair.Create("x", 3.0)]);
        var rng = new ResearchRandom(4);

        for (var i = 0; i < 500; i++)
        {
            var (c1, c2) = GeneticOperators.Crossover(a, b, space, 0, rng);
            Assert.InRange(c1["x"], -2.0, 3.0);
            Assert.InRange(c2["x"], -2.0, 3.0);
        }
    }

    [Fact]
    public void Blend_crossover_explores_alpha_beyond_the_parents_and_stays_in_range()
    {
        var space = new ParameterSpace([ParameterRange.Real("x", -10, 10, 0, "")]);
        var a = new ParameterSet([KeyValuePair.Create("x", -2.0)]);
        var b = new ParameterSet([KeyValuePair.Create("x", 8.0)]);
        var rng = new ResearchRandom(5);

        var children = Enumerable.Range(0, 2000).Select(_ => GeneticOperators.Crossover(a, b, space, 0.5, rng).First["x"]).ToArray();

        Assert.All(children, x => Assert.InRange(x, -7.0, 10.0));
        Assert.Contains(children, x => x < -2);
        Assert.Contains(children, x => x == 10);
    }

    [Fact]
    public void Uniform_crossover_gives_each_non_real_gene_to_one_child_and_the_other_to_the_other()
    {
        var a = TestGenomes.Mixed.Defaults().With("lookback", 10).With("mode", 0).With("allow_short", 0);
        var b = TestGenomes.Mixed.Defaults().With("lookback", 50).With("mode", 2).With("allow_short", 1);
        var rng = new ResearchRandom(6);

        for (var i = 0; i < 200; i++)
        {
            var (c1, c2) = GeneticOperators.Crossover(a, b, TestGenomes.Mixed, 0.5, rng);
            foreach (var name in new[] { "lookback", "mode", "allow_short" })
                Assert.Equal([a[name], b[name]], new[] { c1[name], c2[name] }.Order());
        }
    }

    [Fact]
    public void A_zero_mutation_rate_leaves_the_genes_unchanged()
    {
        var set = TestGenomes.Mixed.Defaults();

        var mutated = GeneticOperators.Mutate(set, TestGenomes.Mixed, 0, 0.1, 0.5, new ResearchRandom(1));

        Assert.Equal(set, mutated);
    }

    [Fact]
    public void Mutating_every_gene_moves_every_whole_number_flag_and_choice()
    {
        PropertyCheck.Holds(PropertyCheck.Seeds, seed =>
        {
            var set = TestGenomes.Mixed.Defaults();
            var mutated = GeneticOperators.Mutate(set, TestGenomes.Mixed, 1, 0.01, 0, new ResearchRandom(seed));
            return mutated["lookback"] != set["lookback"] && mutated["allow_short"] != set["allow_short"] && mutated["mode"] != set["mode"];
        });
    }

    [Fact]
    public void Gaussian_mutation_is_clamped_into_the_range()
    {
        var space = new ParameterSpace([ParameterRange.Real("x", 0, 1, 1, ""), ParameterRange.WholeNumber("n", 1, 3, 3, "")]);
        var rng = new ResearchRandom(2);

        var values = Enumerable.Range(0, 500).Select(_ => GeneticOperators.Mutate(space.Defaults(), space, 1, 1.0, 0, rng)).ToArray();

        Assert.All(values, v => Assert.Empty(space.Problems(v)));
        Assert.Contains(values, v => v["x"] == 1);
    }

    [Fact]
    public void Random_values_cover_every_choice_and_both_flag_values()
    {
        var rng = new ResearchRandom(3);
        var mode = TestGenomes.Mixed.Find("mode")!;
        var flag = TestGenomes.Mixed.Find("allow_short")!;

        var modes = Enumerable.Range(0, 300).Select(_ => GeneticOperators.RandomValue(mode, rng)).Distinct().Order();
        var flags = Enumerable.Range(0, 300).Select(_ => GeneticOperators.RandomValue(flag, rng)).Distinct().Order();

        Assert.Equal([0.0, 1.0, 2.0], modes);
        Assert.Equal([0.0, 1.0], flags);
    }

    [Fact]
    public void Random_whole_numbers_reach_both_ends_of_their_range()
    {
        var lookback = TestGenomes.Mixed.Find("lookback")!;
        var rng = new ResearchRandom(4);

        var values = Enumerable.Range(0, 3000).Select(_ => GeneticOperators.RandomValue(lookback, rng)).ToArray();

        Assert.Equal(5, values.Min());
        Assert.Equal(60, values.Max());
    }

    [Fact]
    public void Blend_alpha_below_zero_is_refused()
    {
        var set = TestGenomes.Mixed.Defaults();

        Assert.Throws<ArgumentOutOfRangeException>(() => GeneticOperators.Crossover(set, set, TestGenomes.Mixed, -0.1, new ResearchRandom(1)));
    }

    [Fact]
    public void Mutation_draws_only_from_the_given_generator()
    {
        var gen = PropertyCheck.Seeds.Zip(Gen.Choose(1, 100).Select(p => p / 100.0));

        PropertyCheck.Holds(gen, input =>
        {
            var (seed, rate) = input;
            var set = TestGenomes.Mixed.Defaults();
            return GeneticOperators.Mutate(set, TestGenomes.Mixed, rate, 0.1, 0.2, new ResearchRandom(seed))
                .Equals(GeneticOperators.Mutate(set, TestGenomes.Mixed, rate, 0.1, 0.2, new ResearchRandom(seed)));
        });
    }
}
