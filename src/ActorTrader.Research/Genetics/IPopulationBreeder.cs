using ActorTrader.Research.Randomness;
using ActorTrader.Strategies.Parameters;

namespace ActorTrader.Research.Genetics;

/// <summary>
/// Breeds the genomes of one population: a strategy's parameter sets (<see cref="GeneticBreeder"/>) or discovered rules
/// (<see cref="Discovery.RuleBreeder"/>). Every call draws only from the given <see cref="ResearchRandom"/>, so the same
/// generator state always yields the same genomes (a restarted population continues identically), and every genome
/// returned is valid for the population: inside the strategy's parameter space, or within the rule limits.
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

    /// <summary>How spread out <paramref name="genomes"/> are, 0 (all equal) to at most 0.5: what the adaptive mutation rate compares with its diversity floor.</summary>
    double Diversity(IReadOnlyList<Genome> genomes);

    /// <summary>
    /// The genome of this population stored as <paramref name="parameters"/> (by name) and <paramref name="rule"/> (rule
    /// text, or null), checked as bred genomes are; one that does not fit (out of range, another kind, bad rule text)
    /// throws <see cref="ArgumentException"/> naming it.
    /// </summary>
    Genome Restore(IReadOnlyDictionary<string, double> parameters, string? rule);
}
