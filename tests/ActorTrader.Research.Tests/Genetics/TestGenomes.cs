using ActorTrader.Research.Fitness;
using ActorTrader.Research.Genetics;
using ActorTrader.Research.Randomness;
using ActorTrader.Strategies.Catalog;
using ActorTrader.Strategies.Parameters;

namespace ActorTrader.Research.Tests.Genetics;

/// <summary>Spaces, breeders and scored populations for the genetics tests.</summary>
internal static class TestGenomes
{
    public static readonly PinnedWindow Window = new(new DateOnly(2020, 1, 1), new DateOnly(2022, 12, 31), new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31), ["AAPL"], "00");

    /// <summary>One of each kind: a real, a whole number, a flag and a three-way choice.</summary>
    public static readonly ParameterSpace Mixed = new([
        ParameterRange.Real("threshold", -1, 1, 0, "A real."),
        ParameterRange.WholeNumber("lookback", 5, 60, 20, "A whole number."),
        ParameterRange.Boolean("allow_short", false, "A flag."),
        ParameterRange.Choice("mode", ["fast", "slow", "both"], "fast", "A choice."),
    ]);

    public static GeneticBreeder Breeder(BreedingSettings? settings = null) => new("mixed", Mixed, settings ?? BreedingSettings.Default);

    public static GeneticBreeder BreederFor(string strategy) =>
        new(strategy, StrategyCatalog.Default.Get(strategy).Parameters, BreedingSettings.Default);

    public static ScoredGenome Scored(Genome genome, double fitness) =>
        new(genome, new FitnessResult(fitness, fitness, fitness, 0.1, 1, 10, Window, [fitness], []));

    /// <summary>Scores each genome with a deterministic pseudo-fitness drawn from <paramref name="rng"/>.</summary>
    public static IReadOnlyList<ScoredGenome> ScoreRandomly(IReadOnlyList<Genome> genomes, ResearchRandom rng) =>
        [.. genomes.Select(g => Scored(g, rng.NextDouble() * 4 - 2))];

    /// <summary>A smooth objective: fitness rises as threshold nears 0.5 and lookback nears 30.</summary>
    public static IReadOnlyList<ScoredGenome> ScoreByDistance(IReadOnlyList<Genome> genomes) =>
        [.. genomes.Select(g => Scored(g, -Math.Abs(g.Parameters["threshold"] - 0.5) - Math.Abs(g.Parameters["lookback"] - 30) / 55))];

    /// <summary>Runs <paramref name="generations"/> generations from a fresh population, returning each generation's keys.</summary>
    public static List<string[]> Run(GeneticBreeder breeder, ResearchRandom rng, int generations, IReadOnlyList<Genome>? start = null)
    {
        var population = start ?? breeder.Initial(20, rng);
        var history = new List<string[]> { population.Select(g => g.Key).ToArray() };
        for (var g = 0; g < generations; g++)
        {
            population = breeder.NextGeneration(ScoreByDistance(population), 20, 0.2, rng);
            history.Add([.. population.Select(x => x.Key)]);
        }
        return history;
    }

    public static TheoryData<string> CatalogStrategies()
    {
        var data = new TheoryData<string>();
        foreach (var name in StrategyCatalog.Default.Names) data.Add(name);
        return data;
    }
}
