using ActorTrader.Research.Genetics;
using ActorTrader.Research.Randomness;
using ActorTrader.Strategies.Parameters;

namespace ActorTrader.Research.Discovery;

/// <summary>
/// The second level of evolution: breeds discovered rules (<see cref="Genome.ForRule"/>) instead of parameter sets. Initial
/// rules and immigrants are ramped half-and-half (<see cref="RuleGenerator"/>); the next generation keeps the elite count
/// of best distinct rules, then fills up with children of tournament-selected parents: subtree crossover with the crossover
/// probability, then a point or subtree mutation (<see cref="RuleVariation"/>) with probability <c>mutationRate</c> — the
/// per-gene rate of parameter genomes read as a per-child rate, adapted by the population the same way. No child is
/// deeper or larger than the discovery limits. Stateless apart from its configuration; deterministic for a generator state.
/// </summary>
public sealed class RuleBreeder : IPopulationBreeder
{
    private static readonly ParameterSpace NoParameters = new([]);
    private readonly RuleGenerator _generator;
    private readonly RuleVariation _variation;

    public RuleBreeder(string strategy, DiscoverySettings discovery, BreedingSettings settings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(strategy);
        ArgumentNullException.ThrowIfNull(discovery);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        _generator = new RuleGenerator(discovery);
        _variation = new RuleVariation(discovery);
        Strategy = strategy;
        Discovery = discovery;
        Settings = settings;
    }

    public string Strategy { get; }

    /// <summary>Empty: a rule genome has no parameters.</summary>
    public ParameterSpace Space => NoParameters;

    public BreedingSettings Settings { get; }

    public DiscoverySettings Discovery { get; }

    public IReadOnlyList<Genome> Initial(int size, ResearchRandom rng) => Random(size, rng, nameof(size));

    public IReadOnlyList<Genome> Immigrants(int count, ResearchRandom rng) => Random(count, rng, nameof(count));

    public IReadOnlyList<Genome> NextGeneration(IReadOnlyList<ScoredGenome> scored, int size, double mutationRate, ResearchRandom rng)
    {
        ArgumentNullException.ThrowIfNull(scored);
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        if (!(mutationRate is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(mutationRate), mutationRate, "The mutation rate is a per-child probability in [0, 1].");
        if (scored.Count == 0)
            throw new ArgumentException($"Population {Strategy} has no scored rules to breed from; start it with Initial.", nameof(scored));
        foreach (var s in scored)
        {
            ArgumentNullException.ThrowIfNull(s, nameof(scored));
            if (s.Genome.Strategy != Strategy || s.Genome.Rule is null)
                throw new ArgumentException($"Genome {s.Genome.Key} is not a rule of population {Strategy}.", nameof(scored));
        }

        // Best first; NaN last; ties by rule text, so the input order cannot change the outcome.
        ScoredGenome[] ranked = [.. scored
            .OrderByDescending(s => double.IsNaN(s.Fitness) ? double.NegativeInfinity : s.Fitness)
            .ThenBy(s => s.Genome.Key, StringComparer.Ordinal)];
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
            var mother = ranked[GeneticOperators.Tournament(fitness, Settings.TournamentSize, rng)].Genome.Rule!;
            var father = ranked[GeneticOperators.Tournament(fitness, Settings.TournamentSize, rng)].Genome.Rule!;
            var (first, second) = rng.NextDouble() < Settings.CrossoverProbability ? _variation.Crossover(mother, father, rng) : (mother, father);
            next.Add(Child(first, mutationRate, rng));
            if (next.Count < size) next.Add(Child(second, mutationRate, rng));
        }
        return next;
    }

    /// <summary>
    /// The Gini–Simpson index of the rules (the probability that two drawn with replacement differ) halved, so it spans
    /// [0, 0.5) like the parameter measure and one diversity floor serves both: 0 when every rule is the same.
    /// </summary>
    public double Diversity(IReadOnlyList<Genome> genomes)
    {
        ArgumentNullException.ThrowIfNull(genomes);
        if (genomes.Count < 2) return 0;
        var n = (double)genomes.Count;
        var same = genomes.GroupBy(g => g.Key, StringComparer.Ordinal).Sum(group => (group.Count() / n) * (group.Count() / n));
        return 0.5 * (1 - same);
    }

    public Genome Restore(IReadOnlyDictionary<string, double> parameters, string? rule)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (rule is null || parameters.Count > 0)
            throw new ArgumentException($"Population {Strategy} evolves rules, but a stored genome holds {(rule is null ? "no rule" : "parameters as well as a rule")}. Fix: restore the journal from a backup.",
                nameof(rule));
        TradingRule parsed;
        try
        {
            parsed = TradingRule.Parse(rule);
        }
        catch (RuleParseException e)
        {
            throw new ArgumentException($"Population {Strategy}: a stored rule does not parse: {e.Message} Fix: restore the journal from a backup.", nameof(rule), e);
        }
        foreach (var (side, tree) in new[] { ("entry", parsed.Entry), ("exit", parsed.Exit) })
        {
            if (tree.Depth > Discovery.MaxDepth || tree.Size > Discovery.MaxSize)
                throw new ArgumentException(
                    $"Population {Strategy}: the {side} of stored rule \"{rule}\" has depth {tree.Depth} and {tree.Size} nodes, beyond max-depth {Discovery.MaxDepth} / max-size {Discovery.MaxSize}. " +
                    "Fix: set actortrader.research.discovery.max-depth and max-size back to the values the run was bred with, or start a new run (research start --new).",
                    nameof(rule));
        }
        return Genome.ForRule(Strategy, parsed);
    }

    private Genome Child(TradingRule rule, double mutationRate, ResearchRandom rng) =>
        Genome.ForRule(Strategy, rng.NextDouble() < mutationRate ? _variation.Mutate(rule, rng) : rule);

    private Genome[] Random(int count, ResearchRandom rng, string name)
    {
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentOutOfRangeException.ThrowIfNegative(count, name);
        var genomes = new Genome[count];
        for (var i = 0; i < count; i++) genomes[i] = Genome.ForRule(Strategy, _generator.Rule(rng));
        return genomes;
    }
}
