using System.Text.Json.Serialization;
using ActorTrader.Research.Bandit;
using ActorTrader.Research.Evolution;
using ActorTrader.Research.Fitness;
using ActorTrader.Research.Novelty;
using ActorTrader.Research.Promotion.Pipeline;

namespace ActorTrader.Research.Actors.Population;

// Journaled events and the snapshot of a population actor. Registered under stable manifests by ResearchEvents; the
// shapes are plain values (parameters by name, enums by name) so they do not depend on how the domain types are built.

/// <summary>
/// Journaled once, first: the run of a population started. The evaluation window is pinned here (dates, symbols, data
/// fingerprint) for the whole run, with the regime label of its in-sample data, the random generator's initial state and
/// the bandit table the run starts from (the previous run's, so rewards carry over).
/// </summary>
public sealed record PopulationStarted(
    string Strategy,
    string RunId,
    ulong Seed,
    PinnedWindow Window,
    string Regime,
    IReadOnlyList<ulong> RandomState,
    double MutationRate,
    BanditState Bandit,
    DateTimeOffset At);

/// <summary>
/// Journaled before generation <see cref="Generation"/> is evaluated when the promoted strategies differ from those the
/// previous generations were penalised against: the returns (with their bar times) the correlation penalty of that
/// generation and the following ones uses, until the next such event. A generation resumed after a crash is penalised
/// against exactly this set, whatever was promoted in between.
/// </summary>
public sealed record PenaltyPinned(int Generation, IReadOnlyList<PromotedSeries> Series, DateTimeOffset At);

/// <summary>
/// Journaled after each generation: its <see cref="Outcome"/> (deterministic: the same seed and data give the same outcome
/// byte for byte) and when and how long it took (not deterministic, so kept apart).
/// </summary>
public sealed record GenerationCompleted(GenerationOutcome Outcome, double EvaluationSeconds, DateTimeOffset At);

/// <summary>
/// Journaled with the <see cref="GenerationCompleted"/> whose stagnation check found no improvement for K (diversity
/// injection) or 2K (restart) generations: the operator's record of what the population does about it. The verdict that
/// drives breeding is part of the generation's outcome; this event repeats it with the figures that explain it.
/// </summary>
/// <param name="BestGeneration">The generation that set the best fitness of the run.</param>
/// <param name="Immigrants">Random immigrants the next generation gets (diversity injection).</param>
/// <param name="KeptElites">The genomes a restart keeps (their parameters; empty sets for rules).</param>
/// <param name="KeptRules">The rules a restart of the discovery population keeps, in the order of <see cref="KeptElites"/> (null for parameter genomes; added later).</param>
public sealed record PopulationStagnated(
    int Generation,
    [property: JsonConverter(typeof(JsonStringEnumConverter<StagnationVerdict>))] StagnationVerdict Verdict,
    double BestEver,
    int BestGeneration,
    int Immigrants,
    double MutationRate,
    IReadOnlyList<IReadOnlyDictionary<string, double>> KeptElites,
    DateTimeOffset At,
    IReadOnlyList<string>? KeptRules = null);

/// <summary>
/// Everything a generation produced and the next one needs: the scored individuals in population order, the random
/// generator's state after breeding them, the mutation rate and stagnation state for the next generation, the verdict
/// that decides how it is bred, the elite archive and the counters. The novelty archive and bandit table are updated from
/// the individuals when the event is applied (the same code live and in recovery), so they are not repeated here.
/// </summary>
/// <param name="Evaluated">Evaluations this generation (identical genomes are evaluated once).</param>
/// <param name="Evaluations">Evaluations of the run so far.</param>
/// <param name="Best">Best penalised fitness of the generation (<see cref="FitnessResult.WorstFitness"/> when none scored).</param>
/// <param name="Mean">Mean penalised fitness of the individuals that scored (the worst fitness when none did).</param>
/// <param name="BestEver">Best penalised fitness of the run so far.</param>
/// <param name="PenaltyReference">Ids of the promoted candidates whose returns the correlation penalty used.</param>
public sealed record GenerationOutcome(
    int Generation,
    IReadOnlyList<Individual> Individuals,
    IReadOnlyList<ulong> RandomState,
    double MutationRate,
    double Diversity,
    StagnationState Stagnation,
    [property: JsonConverter(typeof(JsonStringEnumConverter<StagnationVerdict>))] StagnationVerdict Verdict,
    IReadOnlyList<Individual> Elites,
    int Evaluated,
    long Evaluations,
    double Best,
    double Mean,
    double BestEver,
    IReadOnlyList<string> PenaltyReference);

/// <summary>
/// One scored genome. <see cref="Fitness"/> is the evaluator's; <see cref="Adjusted"/> = fitness − correlation
/// <see cref="Penalty"/> (what elitism, history and candidates use); <see cref="Score"/> blends the adjusted fitness and
/// <see cref="Novelty"/> by rank (what selection uses). Failed evaluations carry their <see cref="Reason"/> and NaN
/// statistics (written as "NaN"). A discovered rule (the discovery population) is stored as its canonical
/// <see cref="Rule"/> text with no <see cref="Parameters"/>; <see cref="Rule"/> is null for parameter genomes (and in
/// journals written before rules were evolved).
/// </summary>
[JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)]
public sealed record Individual(
    IReadOnlyDictionary<string, double> Parameters,
    double Fitness,
    double Penalty,
    double Adjusted,
    double Novelty,
    double Score,
    double Sharpe,
    double DeflatedSharpe,
    double MaxDrawdown,
    double Turnover,
    int Trades,
    IReadOnlyList<double> Behaviour,
    string? Reason,
    string? Rule = null)
{
    [JsonIgnore]
    public bool IsWorst => Reason is not null;
}

/// <summary>
/// The population's whole state, so recovery replays at most <c>snapshot-every</c> generations. <see cref="Penalty"/> is
/// the last <see cref="PenaltyPinned"/> (null when nothing was ever promoted during the run).
/// </summary>
public sealed record PopulationSnapshot(
    PopulationStarted Started,
    GenerationOutcome? Last,
    IReadOnlyList<GenerationSummary> History,
    NoveltyArchiveState Novelty,
    BanditState Bandit,
    double EvaluationSeconds,
    PenaltyPinned? Penalty = null);

/// <summary>One line of a population's history: the figures of a generation and the stagnation verdict after it.</summary>
public sealed record GenerationSummary(
    int Generation,
    double Best,
    double Mean,
    double BestEver,
    double MutationRate,
    double Diversity,
    [property: JsonConverter(typeof(JsonStringEnumConverter<StagnationVerdict>))] StagnationVerdict Verdict,
    int Evaluated,
    long Evaluations);
