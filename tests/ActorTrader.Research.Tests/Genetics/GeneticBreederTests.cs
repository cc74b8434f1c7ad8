using ActorTrader.Research.Genetics;
using ActorTrader.Research.Randomness;
using ActorTrader.Strategies.Parameters;
using FsCheck.Fluent;

namespace ActorTrader.Research.Tests.Genetics;

public sealed class GeneticBreederTests
{
    public static TheoryData<string> Strategies => TestGenomes.CatalogStrategies();

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Initial_populations_lie_inside_the_ranges_of_every_catalog_strategy(string strategy)
    {
        var breeder = TestGenomes.BreederFor(strategy);

        PropertyCheck.Holds(PropertyCheck.Seeds, seed =>
            breeder.Initial(30, new ResearchRandom(seed)).All(g => breeder.Space.Problems(g.Parameters).Count == 0), tests: 30);
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Bred_generations_stay_inside_the_ranges_of_every_catalog_strategy(string strategy)
    {
        var breeder = TestGenomes.BreederFor(strategy);
        var inputs = PropertyCheck.Seeds.Zip(Gen.Choose(0, 100).Select(p => p / 100.0));

        PropertyCheck.Holds(inputs, input =>
        {
            var (seed, rate) = input;
            var rng = new ResearchRandom(seed);
            var population = breeder.Initial(16, rng);
            for (var g = 0; g < 5; g++)
            {
                population = breeder.NextGeneration(TestGenomes.ScoreRandomly(population, rng), 16, rate, rng);
                if (population.Count != 16 || population.Any(x => breeder.Space.Problems(x.Parameters).Count > 0)) return false;
            }
            return true;
        }, tests: 25);
    }

    [Fact]
    public void Whole_numbers_flags_and_choices_are_always_integral()
    {
        var breeder = TestGenomes.Breeder();
        var rng = new ResearchRandom(3);
        var population = breeder.Initial(40, rng);
        for (var g = 0; g < 10; g++) population = breeder.NextGeneration(TestGenomes.ScoreRandomly(population, rng), 40, 0.5, rng);

        Assert.All(population, genome =>
        {
            foreach (var name in new[] { "lookback", "allow_short", "mode" })
                Assert.Equal(Math.Floor(genome.Parameters[name]), genome.Parameters[name]);
        });
    }

    [Fact]
    public void A_genome_out_of_range_is_rejected_naming_the_parameter_and_its_range()
    {
        var set = TestGenomes.Mixed.Defaults().With("lookback", 500);

        var error = Assert.Throws<GenomeOutOfRangeException>(() => Genome.Create("mixed", set, TestGenomes.Mixed));

        Assert.Contains("lookback = 500 is outside its range [5, 60]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_elites_pass_to_the_next_generation_unchanged()
    {
        var breeder = TestGenomes.Breeder(BreedingSettings.Default with { EliteCount = 3 });
        var rng = new ResearchRandom(11);
        var scored = TestGenomes.ScoreByDistance(breeder.Initial(20, rng));
        var best = scored.OrderByDescending(s => s.Fitness).Take(3).Select(s => s.Genome).ToArray();

        var next = breeder.NextGeneration(scored, 20, 1.0, rng);

        Assert.Equal(best, next.Take(3));
    }

    [Fact]
    public void Duplicates_of_the_best_take_a_single_elite_place()
    {
        var breeder = TestGenomes.Breeder(BreedingSettings.Default with { EliteCount = 2 });
        var rng = new ResearchRandom(12);
        var genomes = breeder.Initial(3, rng);
        var scored = new[] { TestGenomes.Scored(genomes[0], 5), TestGenomes.Scored(genomes[0], 5), TestGenomes.Scored(genomes[1], 4), TestGenomes.Scored(genomes[2], 1) };

        var next = breeder.NextGeneration(scored, 10, 1.0, rng);

        Assert.Equal([genomes[0], genomes[1]], next.Take(2));
    }

    [Fact]
    public void The_same_seed_breeds_the_same_generations()
    {
        var first = TestGenomes.Run(TestGenomes.Breeder(), new ResearchRandom(99), 8);
        var second = TestGenomes.Run(TestGenomes.Breeder(), new ResearchRandom(99), 8);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Different_seeds_breed_different_generations()
    {
        var first = TestGenomes.Run(TestGenomes.Breeder(), new ResearchRandom(99), 3);
        var second = TestGenomes.Run(TestGenomes.Breeder(), new ResearchRandom(100), 3);

        Assert.NotEqual(first[0], second[0]);
    }

    [Fact]
    public void A_generator_restored_from_its_state_mid_run_continues_identically()
    {
        var breeder = TestGenomes.Breeder();
        var rng = new ResearchRandom(7);
        var population = breeder.Initial(20, rng);
        for (var g = 0; g < 4; g++) population = breeder.NextGeneration(TestGenomes.ScoreByDistance(population), 20, 0.2, rng);
        var journaled = rng.State.ToArray();

        var uninterrupted = TestGenomes.Run(breeder, rng, 5, population);
        var resumed = TestGenomes.Run(breeder, ResearchRandom.FromState(journaled), 5, population);

        Assert.Equal(uninterrupted, resumed);
    }

    [Fact]
    public void Breeding_on_a_smooth_objective_improves_the_best_fitness()
    {
        var breeder = TestGenomes.Breeder();
        var rng = new ResearchRandom(21);
        var population = breeder.Initial(20, rng);
        var initialBest = TestGenomes.ScoreByDistance(population).Max(s => s.Fitness);
        for (var g = 0; g < 30; g++) population = breeder.NextGeneration(TestGenomes.ScoreByDistance(population), 20, 0.2, rng);

        var finalBest = TestGenomes.ScoreByDistance(population).Max(s => s.Fitness);

        Assert.True(finalBest > initialBest && finalBest > -0.05, $"best went from {initialBest} to {finalBest}");
    }

    [Fact]
    public void Immigrants_are_uniform_random_genomes_of_the_strategy()
    {
        var breeder = TestGenomes.Breeder();

        var immigrants = breeder.Immigrants(50, new ResearchRandom(5));

        Assert.Equal(50, immigrants.Count);
        Assert.All(immigrants, g => Assert.Equal("mixed", g.Strategy));
        Assert.True(immigrants.Select(g => g.Key).Distinct().Count() > 45);
    }

    [Fact]
    public void The_input_order_of_a_scored_population_does_not_change_the_next_generation()
    {
        var breeder = TestGenomes.Breeder();
        var scored = TestGenomes.ScoreByDistance(breeder.Initial(20, new ResearchRandom(8)));

        var forward = breeder.NextGeneration(scored, 20, 0.2, new ResearchRandom(9));
        var reversed = breeder.NextGeneration([.. scored.Reverse()], 20, 0.2, new ResearchRandom(9));

        Assert.Equal(forward, reversed);
    }

    [Fact]
    public void A_genome_of_another_strategy_is_refused_by_name()
    {
        var breeder = TestGenomes.Breeder();
        var stranger = Genome.Create("other", TestGenomes.Mixed.Defaults(), TestGenomes.Mixed);

        var error = Assert.Throws<ArgumentException>(() => breeder.NextGeneration([TestGenomes.Scored(stranger, 1)], 5, 0.1, new ResearchRandom(1)));

        Assert.Contains("belongs to other, not to the population of mixed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_with_more_elites_than_individuals_are_refused_naming_the_key()
    {
        var settings = BreedingSettings.Default with { PopulationSize = 10, EliteCount = 10 };

        var error = Assert.Throws<ArgumentException>(() => new GeneticBreeder("mixed", TestGenomes.Mixed, settings));

        Assert.Contains("elite-count is 10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_strategy_without_parameters_cannot_be_bred()
    {
        var error = Assert.Throws<ArgumentException>(() => new GeneticBreeder("empty", new ParameterSpace([]), BreedingSettings.Default));

        Assert.Contains("empty declares no parameters", error.Message, StringComparison.Ordinal);
    }
}
