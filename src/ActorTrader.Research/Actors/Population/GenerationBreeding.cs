using ActorTrader.Research.Bandit;
using ActorTrader.Research.Discovery;
using ActorTrader.Research.Evolution;
using ActorTrader.Research.Fitness;
using ActorTrader.Research.Genetics;
using ActorTrader.Research.Randomness;
using ActorTrader.Research.Settings;
using ActorTrader.Strategies;
using ActorTrader.Strategies.Parameters;

namespace ActorTrader.Research.Actors.Population;

/// <summary>
/// Breeds the next generation of a population from its state and the journaled generator state, so the same state always
/// gives the same genomes (a crashed generation is bred again identically):
/// <list type="bullet">
/// <item>generation 0: seeded genomes;</item>
/// <item>after <see cref="StagnationVerdict.None"/>: the elite count of best distinct genomes by penalised fitness, then
/// children bred from the rest by selection on the novelty-blended score;</item>
/// <item>after <see cref="StagnationVerdict.InjectDiversity"/>: the same, with the immigrant share of the population
/// replaced by seeded immigrants (and the mutation rate already raised by scoring);</item>
/// <item>after <see cref="StagnationVerdict.Restart"/>: the elites of the run's archive and seeded genomes for the rest.</item>
/// </list>
/// A seeded parameter genome comes from the parameter bandit with probability <see cref="ResearchSettings.BanditShare"/>
/// (which itself explores uniformly with its explore share) and is uniform otherwise; a seeded rule (the discovery
/// population, which has no parameters for the bandit to sample) is a fresh random rule.
/// </summary>
internal sealed class GenerationBreeding
{
    private readonly ResearchSettings _settings;
    private readonly IPopulationBreeder _breeder;

    public GenerationBreeding(string strategy, ParameterSpace space, ResearchSettings settings)
        : this(new GeneticBreeder(strategy, space, settings.Breeding with { EliteCount = 0 }), settings)
    {
    }

    /// <param name="breeder">Breeds the genomes; its elite count must be 0 (elitism is done here, on penalised fitness).</param>
    /// <param name="settings">The population's research settings.</param>
    public GenerationBreeding(IPopulationBreeder breeder, ResearchSettings settings)
    {
        ArgumentNullException.ThrowIfNull(breeder);
        ArgumentNullException.ThrowIfNull(settings);
        if (breeder.Settings.EliteCount != 0)
            throw new ArgumentException($"The breeder of {breeder.Strategy} keeps {breeder.Settings.EliteCount} elites itself; generation breeding does elitism on penalised fitness, so give it elite-count 0.", nameof(breeder));
        _settings = settings;
        _breeder = breeder;
    }

    /// <summary>
    /// The breeder of <paramref name="strategy"/>'s population: discovered rules for a <see cref="RuleStrategy"/> (the
    /// discovery population), parameter sets otherwise. Its elite count is 0: elitism is done here, on penalised fitness;
    /// the breeder selects parents on the blended score.
    /// </summary>
    public static IPopulationBreeder BreederFor(IStrategy strategy, ResearchSettings settings)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(settings);
        var breeding = settings.Breeding with { EliteCount = 0 };
        return strategy is RuleStrategy
            ? new RuleBreeder(strategy.Name, settings.Discovery, breeding)
            : new GeneticBreeder(strategy.Name, strategy.Parameters, breeding);
    }

    public string Strategy => _breeder.Strategy;

    public ParameterSpace Space => _breeder.Space;

    public IReadOnlyList<Genome> Breed(PopulationState state, ResearchRandom rng)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(rng);
        var size = _settings.PopulationSize;
        var regime = state.Started?.Regime ?? throw new InvalidOperationException("Breeding needs a started run.");
        if (state.Last is not { } last) return Seeded(size, regime, state.Bandit, rng);

        var eliteCount = Math.Min(_settings.Breeding.EliteCount, size - 1);
        if (last.Verdict == StagnationVerdict.Restart)
        {
            var kept = TopDistinct(last.Elites, Math.Max(eliteCount, 1)).Select(state.GenomeOf).ToList();
            return [.. kept, .. Seeded(size - kept.Count, regime, state.Bandit, rng)];
        }
        var elites = TopDistinct(last.Individuals, eliteCount).Select(state.GenomeOf).ToList();
        var immigrants = last.Verdict == StagnationVerdict.InjectDiversity ? (int)Math.Round(_settings.ImmigrantShare * size) : 0;
        immigrants = Math.Min(immigrants, size - elites.Count - 1);
        var scored = last.Individuals.Select(i => new ScoredGenome(state.GenomeOf(i), Selection(i, state.Started.Window))).ToList();
        var children = _breeder.NextGeneration(scored, size - elites.Count - immigrants, last.MutationRate, rng);
        return [.. elites, .. children, .. Seeded(immigrants, regime, state.Bandit, rng)];
    }

    /// <summary><paramref name="count"/> genomes, each from the bandit (bandit share) or uniform; one draw decides which.</summary>
    public IReadOnlyList<Genome> Seeded(int count, string regime, ParameterBandit bandit, ResearchRandom rng)
    {
        // A breeder without parameters (rules) has nothing the parameter bandit could sample.
        if (Space.Ranges.Count == 0) return _breeder.Immigrants(count, rng);
        var genomes = new List<Genome>(count);
        for (var i = 0; i < count; i++)
        {
            var parameters = rng.NextDouble() < _settings.BanditShare ? bandit.Sample(regime, rng) : GeneticOperators.RandomSet(Space, rng);
            genomes.Add(Genome.Create(Strategy, parameters, Space));
        }
        return genomes;
    }

    /// <summary>The best <paramref name="count"/> distinct scored individuals by penalised fitness (ties: genome text, ordinal).</summary>
    public static IReadOnlyList<Individual> TopDistinct(IEnumerable<Individual> individuals, int count)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var top = new List<Individual>(Math.Max(count, 0));
        foreach (var individual in individuals.Where(i => !i.IsWorst).OrderByDescending(i => i.Adjusted).ThenBy(i => Text(i), StringComparer.Ordinal))
        {
            if (top.Count >= count) break;
            if (seen.Add(Text(individual))) top.Add(individual);
        }
        return top;
    }

    /// <summary>The rule's text, or the parameters as text (name order, round-trip numbers): equal genomes, equal text.</summary>
    public static string Text(Individual individual) => individual.Rule ?? new ParameterSet(individual.Parameters).ToString();

    // The breeder ranks on FitnessResult.Fitness: give it the selection score.
    private static FitnessResult Selection(Individual individual, PinnedWindow window) =>
        new(individual.Score, individual.Sharpe, individual.DeflatedSharpe, individual.MaxDrawdown, individual.Turnover, individual.Trades, window,
            individual.Behaviour, [], individual.Reason);
}
