using ActorTrader.Research.Randomness;
using ActorTrader.Strategies.Parameters;

namespace ActorTrader.Research.Genetics;

/// <summary>
/// The parameter-level genetic algorithm of one strategy: uniform initialisation, elitism, tournament selection, BLX-α /
/// uniform crossover, Gaussian and reset mutation (<see cref="GeneticOperators"/>), configured by <see cref="BreedingSettings"/>.
/// Stateless apart from its configuration: safe to share, deterministic for a given generator state.
/// </summary>
public sealed class GeneticBreeder : IPopulationBreeder
{
    public GeneticBreeder(string strategy, ParameterSpace space, BreedingSettings settings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(strategy);
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        if (space.Ranges.Count == 0)
            throw new ArgumentException($"Strategy {strategy} declares no parameters; there is nothing to evolve.", nameof(space));
        Strategy = strategy;
        Space = space;
        Settings = settings;
    }

    public string Strategy { get; }

    public ParameterSpace Space { get; }

    public BreedingSettings Settings { get; }

    public IReadOnlyList<Genome> Initial(int size, ResearchRandom rng) => Random(size, rng, nameof(size));

    public IReadOnlyList<Genome> Immigrants(int count, ResearchRandom rng) => Random(count, rng, nameof(count));

    public IReadOnlyList<Genome> NextGeneration(IReadOnlyList<ScoredGenome> scored, int size, double mutationRate, ResearchRandom rng)
    {
        ArgumentNullException.ThrowIfNull(scored);
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        if (!(mutationRate is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(mutationRate), mutationRate, "The mutation rate is a per-gene probability in [0, 1].");
        if (scored.Count == 0)
            throw new ArgumentException($"Population of {Strategy} has no scored genomes to breed from; start it with Initial.", nameof(scored));
        foreach (var s in scored)
        {
            ArgumentNullException.ThrowIfNull(s, nameof(scored));
            if (s.Genome.Strategy != Strategy)
                throw new ArgumentException($"Genome {s.Genome.Key} belongs to {s.Genome.Strategy}, not to the population of {Strategy}.", nameof(scored));
        }

        var ranked = Rank(scored);
        var next = new List<Genome>(size);
        var eliteKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in ranked)
        {
            if (next.Count >= Math.Min(Settings.EliteCount, size)) break;
            if (eliteKeys.Add(s.Genome.Key)) next.Add(s.Genome);
        }

        var fitness = ranked.Select(s => s.Fitness).ToArray();
        while (next.Count < size)
        {
            var mother = ranked[GeneticOperators.Tournament(fitness, Settings.TournamentSize, rng)].Genome.Parameters;
            var father = ranked[GeneticOperators.Tournament(fitness, Settings.TournamentSize, rng)].Genome.Parameters;
            var (first, second) = rng.NextDouble() < Settings.CrossoverProbability
                ? GeneticOperators.Crossover(mother, father, Space, Settings.BlendAlpha, rng)
                : (mother, father);
            next.Add(Child(first, mutationRate, rng));
            if (next.Count < size) next.Add(Child(second, mutationRate, rng));
        }
        return next;
    }

    public double Diversity(IReadOnlyList<Genome> genomes) => PopulationDiversity.Of(genomes, Space);

    public Genome Restore(IReadOnlyDictionary<string, double> parameters, string? rule)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (rule is not null)
            throw new ArgumentException($"The population of {Strategy} evolves parameters, but a stored genome holds the rule \"{rule}\". Fix: restore the journal from a backup.", nameof(rule));
        return Genome.Create(Strategy, new ParameterSet(parameters), Space);
    }

    /// <summary>Best first; NaN last; equal fitness ordered by genome key, so the input order cannot change the outcome.</summary>
    private static ScoredGenome[] Rank(IReadOnlyList<ScoredGenome> scored) =>
        [.. scored
            .OrderByDescending(s => double.IsNaN(s.Fitness) ? double.NegativeInfinity : s.Fitness)
            .ThenBy(s => s.Genome.Key, StringComparer.Ordinal)];

    private Genome Child(ParameterSet parameters, double mutationRate, ResearchRandom rng)
    {
        var mutated = GeneticOperators.Mutate(parameters, Space, mutationRate, Settings.GaussianSigmaFraction, Settings.ResetProbability, rng);
        return Genome.Create(Strategy, mutated, Space);
    }

    private Genome[] Random(int count, ResearchRandom rng, string name)
    {
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentOutOfRangeException.ThrowIfNegative(count, name);
        var genomes = new Genome[count];
        for (var i = 0; i < count; i++) genomes[i] = Genome.Create(Strategy, GeneticOperators.RandomSet(Space, rng), Space);
        return genomes;
    }
}
