using ActorTrader.Research.Bandit;
using ActorTrader.Research.Genetics;
using ActorTrader.Research.Novelty;
using ActorTrader.Research.Promotion.Pipeline;
using ActorTrader.Research.Settings;
using ActorTrader.Strategies.Parameters;

namespace ActorTrader.Research.Actors.Population;

/// <summary>
/// What a population remembers between generations, built only by applying its journaled events (or a snapshot): the
/// pinned run, the last generation's outcome, the history, the promoted returns the correlation penalty uses, the novelty
/// archive and the bandit table. Applying
/// <see cref="GenerationCompleted"/> updates the archive and the bandit deterministically from the individuals, so a
/// recovered population holds exactly the state of the one that wrote the journal.
/// </summary>
internal sealed class PopulationState
{
    private readonly List<GenerationSummary> _history = [];
    private readonly string _strategy;
    private readonly ResearchSettings _settings;
    private readonly ParameterSpace _space;
    private readonly IPopulationBreeder _genomes;

    public PopulationState(string strategy, ResearchSettings settings, ParameterSpace space)
        : this(settings, new GeneticBreeder(strategy, space, settings.Breeding with { EliteCount = 0 }))
    {
    }

    /// <param name="settings">The population's research settings.</param>
    /// <param name="breeder">The population's breeder: how a stored genome is restored and checked.</param>
    public PopulationState(ResearchSettings settings, IPopulationBreeder breeder)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(breeder);
        _strategy = breeder.Strategy;
        _settings = settings;
        _space = breeder.Space;
        _genomes = breeder;
        Novelty = new NoveltyArchive(settings.Novelty);
        Bandit = new ParameterBandit(_space, settings.Bandit);
    }

    public PopulationStarted? Started { get; private set; }

    public GenerationOutcome? Last { get; private set; }

    public IReadOnlyList<GenerationSummary> History => _history;

    public NoveltyArchive Novelty { get; private set; }

    public ParameterBandit Bandit { get; private set; }

    /// <summary>Seconds spent evaluating over the run (for evaluations per second).</summary>
    public double EvaluationSeconds { get; private set; }

    /// <summary>The number of the generation to run next (= generations completed).</summary>
    public int NextGeneration => Last is null ? 0 : Last.Generation + 1;

    /// <summary>The generator state the next generation is bred from.</summary>
    public IReadOnlyList<ulong> RandomState => Last?.RandomState ?? Started?.RandomState ?? throw NotStarted();

    /// <summary>The per-gene mutation rate the next generation is bred with.</summary>
    public double MutationRate => Last?.MutationRate ?? Started?.MutationRate ?? throw NotStarted();

    public long Evaluations => Last?.Evaluations ?? 0;

    /// <summary>The last pinned promoted set (null before anything was promoted during the run).</summary>
    public PenaltyPinned? PenaltyPin { get; private set; }

    /// <summary>The promoted returns the next generation is penalised against.</summary>
    public IReadOnlyList<PromotedSeries> Penalty => PenaltyPin?.Series ?? [];

    /// <summary>Whether the promoted set of <paramref name="generation"/> is already journaled (the generation was started before a crash or pause).</summary>
    public bool IsPenaltyPinnedFor(int generation) => PenaltyPin?.Generation == generation;

    public void Apply(PenaltyPinned pinned)
    {
        if (Started is null)
            throw new InvalidOperationException($"The journal pins a promoted set for generation {pinned.Generation} before the run started. Fix: restore the journal from a backup.");
        if (pinned.Generation != NextGeneration)
            throw new InvalidOperationException($"The journal pins a promoted set for generation {pinned.Generation} where generation {NextGeneration} is next. Fix: restore the journal from a backup.");
        PenaltyPin = pinned;
    }

    public void Apply(PopulationStarted started)
    {
        if (started.Strategy != _strategy)
            throw new InvalidOperationException($"The journal starts a run of {started.Strategy} for the population of {_strategy}. Fix: restore the journal from a backup.");
        if (Started is not null)
            throw new InvalidOperationException($"The journal of population {started.Strategy} run {started.RunId} starts its run twice. Fix: restore the journal from a backup.");
        Started = started;
        Bandit = ParameterBandit.FromState(started.Bandit, _space, _settings.Bandit);
    }

    public void Apply(GenerationCompleted completed)
    {
        var outcome = completed.Outcome;
        if (Started is null)
            throw new InvalidOperationException($"The journal holds generation {outcome.Generation} before the run started. Fix: restore the journal from a backup.");
        if (outcome.Generation != NextGeneration)
            throw new InvalidOperationException($"The journal holds generation {outcome.Generation} where generation {NextGeneration} was expected. Fix: restore the journal from a backup.");
        // A genome outside its strategy's ranges (GenomeOutOfRangeException) or a rule that does not parse or fit the limits is
        // refused here, naming it, so the run never breeds from it.
        foreach (var individual in outcome.Individuals.Concat(outcome.Elites)) GenomeOf(individual);
        Last = outcome;
        EvaluationSeconds += completed.EvaluationSeconds;
        _history.Add(new GenerationSummary(outcome.Generation, outcome.Best, outcome.Mean, outcome.BestEver, outcome.MutationRate, outcome.Diversity,
            outcome.Verdict, outcome.Evaluated, outcome.Evaluations));
        UpdateArchives(outcome.Individuals);
    }

    public PopulationSnapshot ToSnapshot() =>
        new(Started ?? throw NotStarted(), Last, [.. _history], Novelty.State, Bandit.State, EvaluationSeconds, PenaltyPin);

    public void Restore(PopulationSnapshot snapshot)
    {
        Started = snapshot.Started;
        Last = snapshot.Last;
        _history.Clear();
        _history.AddRange(snapshot.History);
        Novelty = NoveltyArchive.FromState(snapshot.Novelty);
        Bandit = ParameterBandit.FromState(snapshot.Bandit, _space, _settings.Bandit);
        EvaluationSeconds = snapshot.EvaluationSeconds;
        PenaltyPin = snapshot.Penalty;
    }

    /// <summary>The genome of <paramref name="individual"/> (its parameters checked against the strategy's space, or its rule against the discovery limits).</summary>
    public Genome GenomeOf(Individual individual) => _genomes.Restore(individual.Parameters, individual.Rule);

    public static Genome GenomeOf(string strategy, Individual individual, ParameterSpace space) =>
        Genome.Create(strategy, new ParameterSet(individual.Parameters), space);

    // The most novel behaviours of the generation join the archive; every distinct scored genome is a bandit reward in
    // the run's regime. Order is the population's, so the result is the same live and in recovery.
    private void UpdateArchives(IReadOnlyList<Individual> individuals)
    {
        var novel = individuals
            .Select((individual, index) => (Individual: individual, Index: index))
            .Where(x => !x.Individual.IsWorst && x.Individual.Behaviour.Count > 0)
            .OrderByDescending(x => x.Individual.Novelty)
            .ThenBy(x => x.Index)
            .Take(_settings.Novelty.AddsPerGeneration);
        foreach (var (individual, _) in novel) Novelty.Add(individual.Behaviour);
        var regime = Started!.Regime;
        var rewarded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var individual in individuals)
        {
            // Rules have no parameter region to reward.
            if (individual.IsWorst || individual.Rule is not null) continue;
            var parameters = new ParameterSet(individual.Parameters);
            if (rewarded.Add(parameters.ToString())) Bandit.Record(regime, parameters, individual.Adjusted);
        }
    }

    private static InvalidOperationException NotStarted() => new("The population's run has not started (no PopulationStarted applied).");
}
