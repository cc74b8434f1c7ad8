using ActorTrader.Research.Actors.Population;
using ActorTrader.Research.Bandit;
using ActorTrader.Research.Evolution;
using ActorTrader.Research.Fitness;
using ActorTrader.Research.Genetics;
using ActorTrader.Research.Randomness;
using ActorTrader.Research.Settings;
using ActorTrader.Research.Synthetic;
using ActorTrader.Strategies.Catalog;
using ActorTrader.Strategies.Parameters;

namespace ActorTrader.Research.Tests.Actors;

/// <summary>Population states built from hand-made results, for the pure breeding and scoring steps.</summary>
internal static class PopulationFixtures
{
    public static readonly ParameterSpace Space = StrategyCatalog.Default.Get(PlantedMarket.StrategyName).Parameters;

    public static readonly PinnedWindow Window = new(new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31), new DateOnly(2021, 1, 1), new DateOnly(2021, 6, 30),
        ["SYNTH:P001"], "feed");

    public static ResearchSettings SmallSettings(int population = 8) =>
        ResearchSettings.Default with { Breeding = ResearchSettings.Default.Breeding with { PopulationSize = population }, Stagnation = new StagnationSettings { Generations = 2 } };

    public static PopulationState Started(ResearchSettings settings, ulong seed = 7)
    {
        var state = new PopulationState(PlantedMarket.StrategyName, settings, Space);
        state.Apply(new PopulationStarted(PlantedMarket.StrategyName, "run-1", seed, Window, "low-vol", new ResearchRandom(seed).State,
            settings.Breeding.MutationRateInitial, new BanditState([]), DateTimeOffset.UnixEpoch));
        return state;
    }

    /// <summary>A result whose fitness is <paramref name="fitness"/>, with daily returns and a behaviour derived from it.</summary>
    public static FitnessResult Result(double fitness, PinnedWindow? window = null, IReadOnlyList<double>? returns = null) =>
        new(fitness, fitness, 0.5, 0.1, 2, 20, window ?? Window, [fitness / 10, 0, 0.1, 0, 0],
            returns ?? [.. Enumerable.Range(0, 30).Select(i => (i % 3 - 1) * 0.001 * (1 + fitness))]);

    /// <summary>Breeds the next generation of <paramref name="state"/>, scores it with <paramref name="fitness"/> and applies it.</summary>
    public static GenerationOutcome Step(PopulationState state, ResearchSettings settings, Func<Genome, double> fitness)
    {
        var rng = ResearchRandom.FromState(state.RandomState);
        var genomes = new GenerationBreeding(PlantedMarket.StrategyName, Space, settings).Breed(state, rng);
        var outcome = new GenerationScoring(settings, Space).Score(state, genomes, [.. genomes.Select(g => Result(fitness(g)))], genomes.Count, [], rng.State);
        state.Apply(new GenerationCompleted(outcome, 0.1, DateTimeOffset.UnixEpoch));
        return outcome;
    }
}
