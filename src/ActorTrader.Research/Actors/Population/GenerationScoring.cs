using System.Globalization;
using ActorTrader.Research.Evolution;
using ActorTrader.Research.Fitness;
using ActorTrader.Research.Genetics;
using ActorTrader.Research.Novelty;
using ActorTrader.Research.Portfolio;
using ActorTrader.Research.Promotion.Pipeline;
using ActorTrader.Research.Settings;
using ActorTrader.Strategies.Parameters;

namespace ActorTrader.Research.Actors.Population;

/// <summary>
/// Turns a generation's fitness results into its <see cref="GenerationOutcome"/>, a pure function of the state, the genomes,
/// the results and the promoted strategies' returns: a result computed on another window is refused (worst fitness);
/// the correlation penalty against the promoted returns gives the penalised fitness; novelty is scored against the archive
/// and the rest of the generation and blended with the fitness by rank into the selection score; then the figures, the
/// elite archive, the stagnation verdict and the next mutation rate (raised to its maximum on a diversity injection,
/// back to its initial value on a restart). How diverse a generation is comes from its breeder (parameter spread, or how
/// many distinct rules).
/// </summary>
internal sealed class GenerationScoring
{
    private readonly ResearchSettings _settings;
    private readonly Func<IReadOnlyList<Genome>, double> _diversity;

    public GenerationScoring(ResearchSettings settings, ParameterSpace space)
        : this(settings, genomes => PopulationDiversity.Of(genomes, space))
    {
    }

    public GenerationScoring(ResearchSettings settings, IPopulationBreeder breeder)
        : this(settings, (breeder ?? throw new ArgumentNullException(nameof(breeder))).Diversity)
    {
    }

    private GenerationScoring(ResearchSettings settings, Func<IReadOnlyList<Genome>, double> diversity)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _diversity = diversity;
    }

    public GenerationOutcome Score(PopulationState state, IReadOnlyList<Genome> genomes, IReadOnlyList<FitnessResult> results, int evaluated,
        IReadOnlyList<PromotedSeries> promoted, IReadOnlyList<ulong> randomState)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(genomes);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(promoted);
        if (genomes.Count != results.Count)
            throw new ArgumentException($"{genomes.Count} genomes but {results.Count} results; the backend must answer one result per genome, in order.", nameof(results));
        var window = state.Started?.Window ?? throw new InvalidOperationException("Scoring needs a started run.");
        var generation = state.NextGeneration;
        var n = genomes.Count;
        var checkedResults = new FitnessResult[n];
        var adjusted = new double[n];
        var penalties = new double[n];
        // A promoted series whose times do not match its returns (damaged journal) can still be aligned by position.
        var promotedReturns = promoted.Select(p => new DatedReturns(p.Returns, p.Times?.Count == p.Returns.Count ? p.Times : null)).ToArray();
        for (var i = 0; i < n; i++)
        {
            var result = results[i];
            if (!result.Window.Equals(window))
            {
                result = FitnessResult.Worst(window,
                    $"{genomes[i].Key}: the fitness was computed on window {result.Window.InSampleStart:yyyy-MM-dd}..{result.Window.InSampleEnd:yyyy-MM-dd} (data {result.Window.DataFingerprint}), not on the run's pinned window; refused.");
            }
            else if (!result.IsWorst && result.ReturnTimes.Count > 0 && result.ReturnTimes.Count != result.DailyReturns.Count)
            {
                result = FitnessResult.Worst(window,
                    $"{genomes[i].Key}: the result has {result.DailyReturns.Count} daily returns but {result.ReturnTimes.Count} bar times; refused.");
            }
            checkedResults[i] = result;
            if (result.IsWorst)
            {
                adjusted[i] = FitnessResult.WorstFitness;
                continue;
            }
            penalties[i] = promotedReturns.Length == 0 ? 0 : CorrelationPenalty.Compute(new DatedReturns(result.DailyReturns, result.ReturnTimes), promotedReturns, _settings.CorrelationPenalty);
            adjusted[i] = result.Fitness - penalties[i];
        }
        var novelty = state.Novelty.ScorePopulation([.. checkedResults.Select(r => r.IsWorst ? (IReadOnlyList<double>)[] : r.Behaviour)]);
        var scores = NoveltyBlend.Combine(adjusted, novelty, _settings.Novelty.Weight);
        var individuals = new Individual[n];
        for (var i = 0; i < n; i++)
        {
            var r = checkedResults[i];
            individuals[i] = new Individual(new SortedDictionary<string, double>(genomes[i].Parameters.ToDictionary(), StringComparer.Ordinal),
                r.Fitness, penalties[i], adjusted[i], novelty[i], scores[i], r.Sharpe, r.DeflatedSharpe, r.MaxDrawdown, r.Turnover, r.Trades,
                r.IsWorst ? [] : [.. r.Behaviour], r.Reason, genomes[i].Rule?.ToString());
        }

        var scored = individuals.Where(i => !i.IsWorst).ToArray();
        var best = scored.Length == 0 ? FitnessResult.WorstFitness : scored.Max(i => i.Adjusted);
        var mean = scored.Length == 0 ? FitnessResult.WorstFitness : scored.Average(i => i.Adjusted);
        var last = state.Last;
        var previousBest = last?.BestEver ?? double.NegativeInfinity;
        var bestEver = Math.Max(last?.BestEver ?? FitnessResult.WorstFitness, best);
        var monitor = StagnationMonitor.FromState(last?.Stagnation ?? StagnationState.Initial, _settings.Stagnation);
        var verdict = monitor.Observe(generation, best);
        var diversity = _diversity(genomes);
        var improved = best > previousBest + _settings.Stagnation.Tolerance;
        var breeding = _settings.Breeding;
        var rate = verdict switch
        {
            StagnationVerdict.InjectDiversity => breeding.MutationRateMax,
            StagnationVerdict.Restart => breeding.MutationRateInitial,
            _ => AdaptiveMutation.NextRate(state.MutationRate, diversity, improved, breeding),
        };
        var elites = GenerationBreeding.TopDistinct([.. last?.Elites ?? [], .. individuals], _settings.EliteArchive);
        return new GenerationOutcome(generation, individuals, [.. randomState], rate, diversity, monitor.State, verdict, elites, evaluated,
            state.Evaluations + evaluated, best, mean, bestEver, [.. promoted.Select(p => p.Id)]);
    }

    /// <summary>The index of the best scored individual (first on a tie), or -1 when none scored.</summary>
    public static int BestIndex(GenerationOutcome outcome)
    {
        var best = -1;
        for (var i = 0; i < outcome.Individuals.Count; i++)
        {
            var individual = outcome.Individuals[i];
            if (individual.IsWorst) continue;
            if (best < 0 || individual.Adjusted > outcome.Individuals[best].Adjusted) best = i;
        }
        return best;
    }

    public static string Describe(double fitness) =>
        fitness <= FitnessResult.WorstFitness ? "worst" : fitness.ToString("0.####", CultureInfo.InvariantCulture);
}
