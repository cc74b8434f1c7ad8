using ActorTrader.Research.Randomness;
using ActorTrader.Strategies.Parameters;

namespace ActorTrader.Research.Genetics;

/// <summary>
/// Breeds the genomes of one strategy's population. Every call draws only from the given <see cref="ResearchRandom"/>, so
/// the same generator state always yields the same genomes (a restarted population continues identically), and every
/// genome returned was built by <see cref="Genome.Create"/> and lies inside the strategy's parameter space.
/// </summary>
public interface IPopulationBreeder
{
    string Strategy { get; }

    ParameterSpace Space { get; }

    BreedingSettings Settings { get; }

    /// <summary>The first generation: <paramref name="size"/> genomes drawn uniformly within the ranges.</summary>
    IReadOnlyList<Genome> Initial(int size, ResearchRandom rng);

    /// <summary><paramref name="count"/> uniform random genomes, injected to restore diversity.</summary>
    IReadOnlyList<Genome> Immigrants(int count, ResearchRandom rng);

    /// <summary>
    /// The next generation of <paramref name="size"/> genomes from the scored current one: the best distinct genomes
    /// (elite count) unchanged, the rest children of tournament-selected parents by crossover and mutation at the per-gene
    /// <paramref name="mutationRate"/>.
    /// </summary>
    IReadOnlyList<Genome> NextGeneration(IReadOnlyList<ScoredGenome> scored, int size, double mutationRate, ResearchRandom rng);
}
