using ActorTrader.Research.Evolution;
using ActorTrader.Research.Bandit;
using ActorTrader.Research.Fitness;
using ActorTrader.Research.Genetics;
using ActorTrader.Research.Promotion.Pipeline;
using ActorTrader.Strategies.Panel;

namespace ActorTrader.Research.Actors.Population;

/// <summary>
/// Start (or keep) evolving: load the data, pin the window (new run) or check it (resumed run), then run generations until
/// the run's limit or, when given, <see cref="MoreGenerations"/> more. Progress is reported with <see cref="PopulationProgress"/>.
/// </summary>
public sealed record Evolve(int? MoreGenerations = null);

/// <summary>Sent back to the sender of <see cref="Evolve"/> once it was handled (after the status it led to was reported).</summary>
public sealed record EvolveAccepted(string Strategy);

/// <summary>Stop evolving now: the generation in flight is abandoned (it is bred and evaluated again, identically, next time). Answered with <see cref="PopulationPaused"/>.</summary>
public sealed record PauseEvolution(string Reason);

public sealed record PopulationPaused(string Strategy, int Generations);

/// <summary>Asks for the <see cref="PopulationStatus"/>.</summary>
public sealed record GetPopulationStatus
{
    public static GetPopulationStatus Instance { get; } = new();
}

/// <summary>Asks for the <see cref="PopulationHistory"/>.</summary>
public sealed record GetPopulationHistory
{
    public static GetPopulationHistory Instance { get; } = new();
}

/// <summary>Ends the run: the population answers <see cref="PopulationRetired"/> with its bandit table (the next run starts from it) and stops.</summary>
public sealed record RetirePopulation
{
    public static RetirePopulation Instance { get; } = new();
}

public sealed record PopulationRetired(string Strategy, string RunId, BanditState Bandit);

/// <summary>Sent to the parent and published on the event stream whenever a population's status changes (after every generation).</summary>
public sealed record PopulationProgress(PopulationStatus Status);

/// <summary>Sent to the parent after the population restarted from its journal (it is then idle).</summary>
public sealed record PopulationRestarted(string Strategy);

/// <summary>The data is loaded and checked against the window (pinned now for a new run), and the evaluator is built.</summary>
internal sealed record DataPrepared(int Attempt, BarPanel Panel, PinnedWindow Window, string Regime, IFitnessEvaluator Evaluator);

/// <summary>The data could not be loaded or does not fit the run; <see cref="Reason"/> says why and how to fix it.</summary>
internal sealed record DataPreparationFailed(int Attempt, string Reason);

internal sealed record GenerationEvaluated(int Attempt, int Generation, IReadOnlyList<Genome> Genomes, IReadOnlyList<Genome> Evaluated,
    IReadOnlyList<FitnessResult> Results, IReadOnlyList<ulong> RandomState, IReadOnlyList<PromotedSeries> Promoted, double Seconds);

internal sealed record GenerationFailed(int Attempt, int Generation, Exception Cause);

internal sealed record ContinueEvolution(int Attempt);

internal sealed record CandidateReady(CandidateProposal Proposal);

internal sealed record CandidateFailed(string Id, string Genome, Exception Cause);

/// <summary>
/// Published on the event stream (not journaled) when a generation's verdict is a diversity injection or a restart: the
/// node's alerts turn it into a research-stagnation alert.
/// </summary>
public sealed record PopulationStagnationNoticed(string Strategy, string? RunId, int Generation, StagnationVerdict Verdict, double BestEver, DateTimeOffset At);
