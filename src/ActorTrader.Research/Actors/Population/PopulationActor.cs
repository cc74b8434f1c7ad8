using System.Diagnostics;
using ActorTrader.Actors;
using ActorTrader.Persistence;
using ActorTrader.Persistence.Snapshots;
using ActorTrader.Research.Bandit;
using ActorTrader.Research.Discovery;
using ActorTrader.Research.Evolution;
using ActorTrader.Research.Evaluation;
using ActorTrader.Research.Fitness;
using ActorTrader.Research.Genetics;
using ActorTrader.Research.Promotion.Pipeline;
using ActorTrader.Research.Promotion.Statistics;
using ActorTrader.Research.Randomness;
using ActorTrader.Research.Settings;
using ActorTrader.Strategies;
using ActorTrader.Strategies.Panel;

namespace ActorTrader.Research.Actors.Population;

/// <summary>
/// <c>/user/research/population-&lt;strategy&gt;</c>: one run of the genetic algorithm of one strategy, event-sourced under
/// <c>research-population-&lt;strategy&gt;-&lt;runId&gt;</c>.
/// <para>
/// A run starts by loading its data and pinning the evaluation window (dates, symbols, data fingerprint) — off the actor,
/// with the evaluator it builds — journaled with the seed's generator state (<see cref="PopulationStarted"/>). Each
/// generation is then: pin the promoted strategies' returns it is penalised against when they changed
/// (<see cref="PenaltyPinned"/>) → breed from the journaled generator state (<see cref="GenerationBreeding"/>) → evaluate
/// through the <see cref="IEvaluationBackend"/> (off the actor, results piped back in request order) → score: correlation
/// penalty, novelty, stagnation (<see cref="GenerationScoring"/>) → journal <see cref="GenerationCompleted"/> → next. Nothing
/// about a generation is kept until its event is durable, so a crash, a pause or the window closing mid-generation loses
/// only work that is redone identically from the journal.
/// </para>
/// <para>
/// No generation starts before the promotion pipeline has told the population what is promoted. A generation whose best
/// genome is a new best of the run at or above the candidate threshold proposes it to the promotion pipeline, with its
/// out-of-sample backtest and the incumbent's, and the next generation waits until the pipeline has recorded it: with
/// auto-paper the candidate is then already part of the promoted set, so the run does not depend on how long the
/// backtests took. A resumed run repeats the proposal decision of its last journaled generation; the run's best is also
/// proposed at its end (proposals of a known genome are recognised).
/// </para>
/// <para>
/// The same actor runs the discovery population (GP, the second level of evolution) when its strategy is a
/// <see cref="RuleStrategy"/>: its genomes are rules bred by a <see cref="RuleBreeder"/>, journaled as rule text, scored by
/// the same walk-forward evaluation and proposed as candidates with their rule; the rest — pinned window, generator state,
/// elitism, stagnation, novelty, correlation penalty, crash recovery — is the same code.
/// </para>
/// <para>
/// A resumed run reloads its data and refuses it when the fingerprint of the pinned window changed (the population fails
/// with the reason; a new run needs <c>research start --new</c>).
/// </para>
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Token sources are cancelled (PostStop, each new attempt), never disposed: an evaluation still running holds the token.")]
public sealed class PopulationActor : ReceivePersistentActor
{
    public const string PersistenceIdPrefix = "research-population-";

    private readonly string _runId;
    private readonly ulong _seed;
    private readonly ResearchSettings _settings;
    private readonly ResearchServices _services;
    private readonly IActorRef _promotion;
    private readonly BanditState _inheritedBandit;
    private readonly IStrategy _strategy;
    private readonly PopulationState _state;
    private readonly GenerationBreeding _breeding;
    private readonly GenerationScoring _scoring;
    private PopulationPhase _phase = PopulationPhase.Idle;
    private string? _error;
    private int _attempt;
    private CancellationTokenSource? _inflight;
    private BarPanel? _panel;
    private IFitnessEvaluator? _evaluator;
    private int? _sessionTarget;
    private IReadOnlyList<PromotedSeries> _promoted = [];
    private bool _promotedKnown;
    private bool _promotionGone;
    private DataPrepared? _waitingForPromoted;
    private string? _awaitingCandidate;
    private long _newestSnapshot;

    public PopulationActor(string strategy, string runId, ulong seed, ResearchSettings settings, ResearchServices services, IActorRef promotion, BanditState? inheritedBandit = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        ArgumentNullException.ThrowIfNull(settings);
        _services = services ?? throw new ArgumentNullException(nameof(services));
        _promotion = promotion ?? throw new ArgumentNullException(nameof(promotion));
        _strategy = services.Catalog.Get(strategy);
        // The discovery population breeds rules, with its own population size; everything else is shared.
        _settings = _strategy is RuleStrategy ? settings.ForDiscovery() : settings;
        _runId = runId;
        _seed = seed;
        _inheritedBandit = inheritedBandit ?? new BanditState([]);
        var breeder = GenerationBreeding.BreederFor(_strategy, _settings);
        _state = new PopulationState(_settings, breeder);
        _breeding = new GenerationBreeding(breeder, _settings);
        _scoring = new GenerationScoring(_settings, breeder);

        Recover<SnapshotOffer>(RecoverSnapshot);
        Recover<PopulationStarted>(_state.Apply);
        Recover<GenerationCompleted>(_state.Apply);
        Recover<PopulationStagnated>(_ => { }); // the record of a verdict already applied with its generation
        Recover<PenaltyPinned>(_state.Apply);
        Recover<RecoveryCompleted>(_ => OnRecovered());

        Command<Evolve>(evolve =>
        {
            HandleEvolve(evolve);
            Sender.Tell(new EvolveAccepted(_strategy.Name), Self);
        });
        Command<PauseEvolution>(HandlePause);
        Command<GetPopulationStatus>(_ => Sender.Tell(Status(), Self));
        Command<GetPopulationHistory>(_ => Sender.Tell(History(), Self));
        Command<RetirePopulation>(_ => Retire());
        Command<DataPrepared>(OnDataPrepared);
        Command<DataPreparationFailed>(OnDataPreparationFailed);
        Command<GenerationEvaluated>(OnGenerationEvaluated);
        Command<GenerationFailed>(OnGenerationFailed);
        Command<ContinueEvolution>(c =>
        {
            if (c.Attempt == _attempt && _phase == PopulationPhase.Evolving) StartGeneration();
        });
        Command<PromotedReturns>(OnPromotedReturns);
        Command<Terminated>(OnPromotionTerminated);
        Command<CandidateReady>(ready =>
        {
            Log.Info("Population {Strategy} proposes candidate {Id} (fitness {Fitness}, out-of-sample Sharpe {Sharpe})", _strategy.Name, ready.Proposal.Id,
                GenerationScoring.Describe(ready.Proposal.Adjusted), ready.Proposal.OutOfSample.Sharpe);
            _promotion.Tell(new ProposeCandidate(ready.Proposal), Self);
        });
        Command<CandidateFailed>(failed =>
        {
            Log.Warning("Population {Strategy} could not prepare candidate {Genome}: {Reason}", _strategy.Name, failed.Genome, failed.Cause.Message);
            ProposalSettled(failed.Id);
        });
        Command<CandidateRecorded>(recorded =>
        {
            Log.Debug("Candidate {Id} is {Stage}", recorded.Id, recorded.Stage);
            ProposalSettled(recorded.Id);
        });
        Command<SaveSnapshotSuccess>(OnSnapshotSaved);
        Command<SaveSnapshotFailure>(failure => Log.Warning(
            "Snapshot of population {Strategy} at sequence nr {SequenceNr} failed ({Reason}); the journal is complete, recovery just replays more generations",
            _strategy.Name, failure.Metadata.SequenceNr, failure.Cause.Message));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(failure => Log.Warning("Old snapshots of population {Strategy} could not be deleted ({Reason}); they only take space",
            _strategy.Name, failure.Cause.Message));
    }

    public override string PersistenceId => PersistenceIdOf(_strategy.Name, _runId);

    /// <summary>The journal id of <paramref name="strategy"/>'s run <paramref name="runId"/>.</summary>
    public static string PersistenceIdOf(string strategy, string runId) => $"{PersistenceIdPrefix}{strategy}-{runId}";

    /// <summary>The actor name under the research supervisor.</summary>
    public static string NameOf(string strategy) => "population-" + strategy;

    public static Props CreateProps(string strategy, string runId, ulong seed, ResearchSettings settings, ResearchServices services, IActorRef promotion,
        BanditState? inheritedBandit = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(strategy);
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(promotion);
        return Props.Create(() => new PopulationActor(strategy, runId, seed, settings, services, promotion, inheritedBandit));
    }

    private static DateTimeOffset Now => Context.System.Scheduler.Now;

    private bool RunLimitReached => _settings.Generations > 0 && _state.NextGeneration >= _settings.Generations;

    private bool TargetReached => RunLimitReached || (_sessionTarget is { } target && _state.NextGeneration >= target);

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(PromotedReturns));
        // Without the pipeline no generation could learn what is promoted; its end is noticed rather than waited for forever.
        Context.Watch(_promotion);
        _promotion.Tell(GetPromotedReturns.Instance, Self);
        base.PreStart();
    }

    protected override void PostStop()
    {
        _inflight?.Cancel();
        Context.System.EventStream.Unsubscribe(Self);
        base.PostStop();
    }

    protected override void PostRestart(Exception reason)
    {
        base.PostRestart(reason);
        Context.Parent.Tell(new PopulationRestarted(_strategy.Name), Self);
    }

    private void RecoverSnapshot(SnapshotOffer offer)
    {
        if (offer.Snapshot is not PopulationSnapshot snapshot || snapshot.Started.Strategy != _strategy.Name || snapshot.Started.RunId != _runId)
            throw new InvalidOperationException($"The snapshot of {PersistenceId} at sequence nr {offer.Metadata.SequenceNr} is not a snapshot of this run. Fix: delete that snapshot so the population recovers from its events.");
        _state.Restore(snapshot);
        _newestSnapshot = offer.Metadata.SequenceNr;
    }

    private void OnRecovered()
    {
        _phase = _state.Started is null ? PopulationPhase.NotStarted : RunLimitReached ? PopulationPhase.Completed : PopulationPhase.Idle;
        if (_state.Started is { } started)
        {
            Log.Info("Population {Strategy} run {RunId} recovered: {Generations} generation(s), best fitness {Best}, {Evaluations} evaluations",
                started.Strategy, _runId, _state.NextGeneration, GenerationScoring.Describe(_state.Last?.BestEver ?? FitnessResult.WorstFitness), _state.Evaluations);
        }
        Report();
    }

    private void HandleEvolve(Evolve evolve)
    {
        if (_phase == PopulationPhase.Failed)
        {
            // An operator's start after a failure retries from the journal (e.g. after the data was restored).
            _error = null;
            _panel = null;
            _evaluator = null;
            _phase = _state.Started is null ? PopulationPhase.NotStarted : PopulationPhase.Idle;
        }
        _sessionTarget = evolve.MoreGenerations is { } more ? _state.NextGeneration + Math.Max(more, 0) : null;
        if (RunLimitReached)
        {
            _phase = PopulationPhase.Completed;
            Report();
            return;
        }
        if (_phase is PopulationPhase.Loading or PopulationPhase.Evolving)
        {
            Report();
            return;
        }
        if (_evaluator is null)
        {
            Load();
            return;
        }
        _phase = PopulationPhase.Evolving;
        Report();
        StartGeneration();
    }

    private void HandlePause(PauseEvolution pause)
    {
        if (_phase is PopulationPhase.Loading or PopulationPhase.Evolving)
        {
            NewAttempt();
            // The data is loaded and its fingerprint checked again when evolution resumes (next night the lakehouse may have changed).
            _panel = null;
            _evaluator = null;
            _phase = _state.Started is null ? PopulationPhase.NotStarted : PopulationPhase.Idle;
            Log.Info("Population {Strategy} paused after {Generations} generation(s) ({Reason}); the generation in flight is abandoned and will be bred again identically",
                _strategy.Name, _state.NextGeneration, pause.Reason);
            Report();
        }
        Sender.Tell(new PopulationPaused(_strategy.Name, _state.NextGeneration), Self);
    }

    private void Load()
    {
        _phase = PopulationPhase.Loading;
        Report();
        var attempt = NewAttempt();
        var token = _inflight!.Token;
        var (data, evaluators, strategy, started, settings, runId) = (_services.Data, _services.Evaluators, _strategy, _state.Started, _settings, _runId);
        Task.Run(() => Prepare(attempt, data, evaluators, strategy, started, settings, runId, token), token)
            .PipeTo(Self, success: prepared => prepared,
                failure: e => new DataPreparationFailed(attempt, $"Population {strategy.Name} cannot load its data ({data.Description}): {e.Message}"));
    }

    /// <summary>
    /// Off the actor: loads the data, pins the window of a new run (dates, symbols, fingerprint — hashing every bar) or checks
    /// the pinned one, and builds the evaluator (which copies the in-sample bars). A failure after loading is a value naming
    /// the run, the data and the fix; a load failure is the task's exception.
    /// </summary>
    private static async Task<object> Prepare(int attempt, IResearchDataSource data, IEvaluatorFactory evaluators, IStrategy strategy, PopulationStarted? started,
        ResearchSettings settings, string runId, CancellationToken token)
    {
        var panel = await data.LoadAsync(strategy, token).ConfigureAwait(false);
        try
        {
            if (started is not null) return new DataPrepared(attempt, panel, started.Window, started.Regime, evaluators.Create(strategy, panel, started.Window));
            var window = PinnedWindowFactory.Create(panel, settings.Data.InSampleFraction);
            var regime = VolatilityRegime.Of(panel, window, settings.Fitness.PeriodsPerYear);
            return new DataPrepared(attempt, panel, window, regime, evaluators.Create(strategy, panel, window));
        }
        catch (Exception e) when (e is not OperationCanceledException) // the population fails with the cause instead of crashing
        {
            return started is null
                ? new DataPreparationFailed(attempt, $"Research run {runId} of {strategy.Name} cannot pin its evaluation window on {data.Description}: {e.Message}")
                : new DataPreparationFailed(attempt, $"Research run {runId} of {strategy.Name} cannot resume on {data.Description}: {e.Message} " +
                    $"The run was pinned on data {started.Window.DataFingerprint} and is refused on other data. Fix: restore the data the run was pinned on, " +
                    $"or start a new run: actortrader research start --strategy {strategy.Name} --new.");
        }
    }

    private void OnDataPreparationFailed(DataPreparationFailed failed)
    {
        if (failed.Attempt != _attempt || _phase != PopulationPhase.Loading) return;
        Fail(failed.Reason);
    }

    private void OnDataPrepared(DataPrepared prepared)
    {
        if (prepared.Attempt != _attempt || _phase != PopulationPhase.Loading) return;
        if (!_promotedKnown)
        {
            // The first generation's correlation penalty needs the promoted set: continue when the pipeline has answered.
            _waitingForPromoted = prepared;
            return;
        }
        if (_state.Started is null) StartRun(prepared);
        else Resume(prepared);
    }

    private void OnPromotedReturns(PromotedReturns promoted)
    {
        _promoted = promoted.Series;
        if (_promotedKnown) return;
        _promotedKnown = true;
        ContinueWaitingLoad();
    }

    private void OnPromotionTerminated(Terminated terminated)
    {
        if (!terminated.ActorRef.Equals(_promotion)) return;
        Log.Warning("Population {Strategy}: the promotion pipeline stopped; generations are penalised against the promoted set last known and no candidates are proposed",
            _strategy.Name);
        _promotionGone = true;
        _promotedKnown = true;
        ContinueWaitingLoad();
        if (_awaitingCandidate is { } id) ProposalSettled(id);
    }

    private void ContinueWaitingLoad()
    {
        if (_waitingForPromoted is not { } waiting) return;
        _waitingForPromoted = null;
        OnDataPrepared(waiting);
    }

    private void StartRun(DataPrepared prepared)
    {
        var started = new PopulationStarted(_strategy.Name, _runId, _seed, prepared.Window, prepared.Regime, new ResearchRandom(_seed).State,
            _settings.Breeding.MutationRateInitial, _inheritedBandit, Now);
        Persist(started, e =>
        {
            _state.Apply(e);
            _panel = prepared.Panel;
            _evaluator = prepared.Evaluator;
            Log.Info("Population {Strategy} run {RunId} pinned its window: in-sample {InStart:yyyy-MM-dd}..{InEnd:yyyy-MM-dd}, out-of-sample {OutStart:yyyy-MM-dd}..{OutEnd:yyyy-MM-dd}, {Symbols} symbols, data {Fingerprint}, regime {Regime}, seed {Seed}",
                e.Strategy, e.RunId, e.Window.InSampleStart, e.Window.InSampleEnd, e.Window.OutOfSampleStart, e.Window.OutOfSampleEnd, e.Window.Symbols.Count,
                e.Window.DataFingerprint, e.Regime, e.Seed);
            _phase = PopulationPhase.Evolving;
            Report();
            // A message, not a call: the first generation may journal its promoted set, which is not done inside this handler.
            Self.Tell(new ContinueEvolution(_attempt), Self);
        });
    }

    private void Resume(DataPrepared prepared)
    {
        _panel = prepared.Panel;
        _evaluator = prepared.Evaluator;
        _phase = PopulationPhase.Evolving;
        Log.Info("Population {Strategy} run {RunId} resumes at generation {Generation}", _strategy.Name, _runId, _state.NextGeneration);
        Report();
        // The node may have stopped between journaling the last generation and its proposal reaching the pipeline: make the
        // same proposal again (a known genome is recognised) and wait for it, as the uninterrupted run did.
        if (_state.Last is { } last && ProposalOf(last, PreviousBestEver()) is { } individual && Propose(individual, last.Generation)) return;
        StartGeneration();
    }

    /// <summary>
    /// Starts the next generation: pins the promoted set it is penalised against when it changed (a generation already
    /// pinned before a crash keeps its set), then breeds and evaluates it.
    /// </summary>
    private void StartGeneration()
    {
        if (_phase != PopulationPhase.Evolving || _evaluator is null || _awaitingCandidate is not null) return;
        if (TargetReached)
        {
            Finish();
            return;
        }
        var generation = _state.NextGeneration;
        if (!_state.IsPenaltyPinnedFor(generation) && !_promoted.Select(p => p.Id).SequenceEqual(_state.Penalty.Select(p => p.Id), StringComparer.Ordinal))
        {
            Persist(new PenaltyPinned(generation, _promoted, Now), pinned =>
            {
                _state.Apply(pinned);
                Log.Info("Population {Strategy} generation {Generation} is penalised against {Count} promoted strateg(ies): {Ids}", _strategy.Name, pinned.Generation,
                    pinned.Series.Count, pinned.Series.Count == 0 ? "none" : string.Join(", ", pinned.Series.Select(p => p.Id)));
                Evaluate(generation);
            });
            return;
        }
        Evaluate(generation);
    }

    private void Evaluate(int generation)
    {
        var rng = ResearchRandom.FromState(_state.RandomState);
        var genomes = _breeding.Breed(_state, rng);
        var randomState = rng.State;
        // Identical genomes (elites, converged children) are evaluated once: the evaluator is pure on the pinned window.
        var distinct = genomes.DistinctBy(g => g.Key, StringComparer.Ordinal).ToList();
        var promoted = _state.Penalty;
        var attempt = NewAttempt();
        var token = _inflight!.Token;
        var backend = _services.Backend;
        var evaluator = _evaluator!;
        var startedAt = Stopwatch.GetTimestamp();
        Task.Run(() => backend.EvaluateAsync(evaluator, distinct, token), token)
            .PipeTo(Self,
                success: results => new GenerationEvaluated(attempt, generation, genomes, distinct, results, randomState, promoted,
                    Stopwatch.GetElapsedTime(startedAt).TotalSeconds),
                failure: e => new GenerationFailed(attempt, generation, e));
    }

    private void OnGenerationEvaluated(GenerationEvaluated evaluated)
    {
        if (evaluated.Attempt != _attempt || _phase != PopulationPhase.Evolving || evaluated.Generation != _state.NextGeneration) return;
        if (evaluated.Results.Count != evaluated.Evaluated.Count)
        {
            Fail($"The evaluation backend {_services.Backend.Name} answered {evaluated.Results.Count} results for {evaluated.Evaluated.Count} genomes of generation {evaluated.Generation}.");
            return;
        }
        var byKey = new Dictionary<string, FitnessResult>(StringComparer.Ordinal);
        for (var i = 0; i < evaluated.Evaluated.Count; i++) byKey[evaluated.Evaluated[i].Key] = evaluated.Results[i];
        var results = evaluated.Genomes.Select(g => byKey[g.Key]).ToList();
        var outcome = _scoring.Score(_state, evaluated.Genomes, results, evaluated.Evaluated.Count, evaluated.Promoted, evaluated.RandomState);
        var previousBest = _state.Last?.BestEver;
        var attempt = _attempt;
        var completed = new GenerationCompleted(outcome, evaluated.Seconds, Now);
        var events = new List<object> { completed };
        if (Stagnated(outcome) is { } stagnated) events.Add(stagnated);
        var left = events.Count;
        PersistAll(events, e =>
        {
            if (e is GenerationCompleted c) _state.Apply(c);
            if (--left > 0) return;
            LogGeneration(completed);
            Report();
            if (_state.NextGeneration % _settings.SnapshotEvery == 0) SaveSnapshot(_state.ToSnapshot());
            // The next generation waits for a proposal to be recorded (see the class remarks).
            if (ProposalOf(outcome, previousBest) is { } individual && Propose(individual, outcome.Generation)) return;
            Self.Tell(new ContinueEvolution(attempt), Self);
        });
    }

    private void OnGenerationFailed(GenerationFailed failed)
    {
        if (failed.Attempt != _attempt || _phase != PopulationPhase.Evolving) return;
        Fail($"Population {_strategy.Name}: the evaluation of generation {failed.Generation} on {_services.Backend.Name} failed: {failed.Cause.GetType().Name}: {failed.Cause.Message}");
    }

    private void Finish()
    {
        NewAttempt();
        _sessionTarget = null;
        if (RunLimitReached)
        {
            _phase = PopulationPhase.Completed;
            Log.Info("Population {Strategy} run {RunId} completed its {Generations} generations: best fitness {Best}", _strategy.Name, _runId,
                _settings.Generations, GenerationScoring.Describe(_state.Last?.BestEver ?? FitnessResult.WorstFitness));
            ProposeBestOfRun();
        }
        else
        {
            _phase = PopulationPhase.Idle;
            Log.Info("Population {Strategy} ran the generations it was asked for; idle at generation {Generation}", _strategy.Name, _state.NextGeneration);
        }
        Report();
    }

    private void Fail(string message)
    {
        NewAttempt();
        _phase = PopulationPhase.Failed;
        _error = message;
        Log.Error("{Error}", message);
        Report();
    }

    private void Retire()
    {
        NewAttempt();
        Log.Info("Population {Strategy} run {RunId} retired after {Generations} generation(s)", _strategy.Name, _runId, _state.NextGeneration);
        Sender.Tell(new PopulationRetired(_strategy.Name, _runId, _state.Bandit.State), Self);
        Context.Stop(Self);
    }

    /// <summary>Cancels whatever is in flight and returns the new attempt number; results of older attempts are ignored.</summary>
    private int NewAttempt()
    {
        // A proposal still being prepared is sent to the pipeline when ready, but nothing waits for it any more.
        _awaitingCandidate = null;
        _waitingForPromoted = null;
        _inflight?.Cancel();
        _inflight = new CancellationTokenSource();
        return ++_attempt;
    }

    private void ProposeBestOfRun()
    {
        if (_state.Last is { Elites.Count: > 0 } last) Propose(last.Elites[0], last.Generation);
    }

    /// <summary>The individual <paramref name="outcome"/> proposes: its best, when it set a new best of the run.</summary>
    private static Individual? ProposalOf(GenerationOutcome outcome, double? previousBestEver)
    {
        if (previousBestEver is { } previous && !(outcome.BestEver > previous)) return null;
        var best = GenerationScoring.BestIndex(outcome);
        return best >= 0 && outcome.Individuals[best].Adjusted >= outcome.BestEver ? outcome.Individuals[best] : null;
    }

    /// <summary>The best fitness of the run before its last generation (null when it has at most one).</summary>
    private double? PreviousBestEver() => _state.History.Count >= 2 ? _state.History[^2].BestEver : null;

    /// <summary>
    /// Proposes <paramref name="individual"/> when it reaches the candidate threshold: its in-sample returns, its and the
    /// incumbent's out-of-sample backtests are computed off the actor, then sent to the promotion actor. Returns whether a
    /// proposal is on its way; until the pipeline records it (or it fails) no generation starts.
    /// </summary>
    private bool Propose(Individual individual, int generation)
    {
        if (_promotionGone || individual.IsWorst || individual.Adjusted < _settings.Promotion.CandidateMinFitness || _evaluator is null || _panel is null ||
            _state.Started is null)
            return false;
        var (strategy, panel, evaluator, window, fitness) = (_strategy, _panel, _evaluator, _state.Started.Window, _settings.Fitness);
        var (runId, incumbentParameters, trials) = (_runId, _services.IncumbentOf(_strategy), _state.Evaluations);
        var genome = _state.GenomeOf(individual);
        var id = CandidateIds.Of(genome);
        _awaitingCandidate = id;
        Task.Run(() =>
            {
                // A discovered rule is validated against the discovery strategy's own rule (equal-weight buy and hold).
                var incumbent = strategy is RuleStrategy incumbentRule
                    ? Genome.ForRule(strategy.Name, incumbentRule.Rule)
                    : Genome.Create(strategy.Name, incumbentParameters, strategy.Parameters);
                var inSample = evaluator.Evaluate(genome);
                var outOfSample = OutOfSampleBacktest.Run(strategy, panel, window, genome, fitness);
                var incumbentRun = OutOfSampleBacktest.Run(strategy, panel, window, incumbent, fitness);
                return new CandidateProposal(id, strategy.Name, runId, generation, individual.Parameters, individual.Fitness, individual.Adjusted,
                    individual.Sharpe, individual.DeflatedSharpe, individual.Trades, window, inSample.DailyReturns, outOfSample,
                    new SortedDictionary<string, double>(incumbent.Parameters.ToDictionary(), StringComparer.Ordinal), incumbentRun,
                    inSample.ReturnTimes.Count == inSample.DailyReturns.Count ? inSample.ReturnTimes : null, trials)
                {
                    Rule = individual.Rule,
                    IncumbentRule = incumbent.Rule?.ToString(),
                };
            })
            .PipeTo(Self, success: proposal => new CandidateReady(proposal), failure: e => new CandidateFailed(id, genome.Key, e));
        return true;
    }

    /// <summary>The awaited proposal <paramref name="id"/> was recorded or failed: evolution goes on.</summary>
    private void ProposalSettled(string id)
    {
        if (!string.Equals(_awaitingCandidate, id, StringComparison.Ordinal)) return;
        _awaitingCandidate = null;
        StartGeneration();
    }

    /// <summary>The record of a diversity injection or restart decided after <paramref name="outcome"/>, or null.</summary>
    private PopulationStagnated? Stagnated(GenerationOutcome outcome)
    {
        if (outcome.Verdict == StagnationVerdict.None) return null;
        var injecting = outcome.Verdict == StagnationVerdict.InjectDiversity;
        var immigrants = injecting ? (int)Math.Round(_settings.ImmigrantShare * _settings.PopulationSize) : 0;
        IReadOnlyList<Individual> kept = injecting ? [] : GenerationBreeding.TopDistinct(outcome.Elites, Math.Max(_settings.Breeding.EliteCount, 1));
        IReadOnlyList<string>? keptRules = _strategy is RuleStrategy ? [.. kept.Select(i => i.Rule!)] : null;
        return new PopulationStagnated(outcome.Generation, outcome.Verdict, outcome.BestEver, outcome.Stagnation.BestGeneration, immigrants, outcome.MutationRate,
            [.. kept.Select(i => i.Parameters)], Now, keptRules);
    }

    private void LogGeneration(GenerationCompleted completed)
    {
        var o = completed.Outcome;
        Log.Info("Population {Strategy} generation {Generation}: best {Best}, mean {Mean}, best of run {BestEver}, {Evaluated} evaluations in {Seconds:0.##} s, mutation rate {Rate:0.###}",
            _strategy.Name, o.Generation, GenerationScoring.Describe(o.Best), GenerationScoring.Describe(o.Mean), GenerationScoring.Describe(o.BestEver), o.Evaluated,
            completed.EvaluationSeconds, o.MutationRate);
        switch (o.Verdict)
        {
            case StagnationVerdict.InjectDiversity:
                Log.Warning("Population {Strategy} stagnates: no improvement for {K} generations after generation {Generation}; the next generation gets {Share:P0} random immigrants and mutation rate {Rate}",
                    _strategy.Name, _settings.Stagnation.Generations, o.Generation, _settings.ImmigrantShare, o.MutationRate);
                break;
            case StagnationVerdict.Restart:
                Log.Warning("Population {Strategy} stagnates: no improvement for {TwoK} generations after generation {Generation}; it restarts keeping its elites",
                    _strategy.Name, 2 * _settings.Stagnation.Generations, o.Generation);
                break;
        }
        if (o.Verdict != StagnationVerdict.None)
            Context.System.EventStream.Publish(new PopulationStagnationNoticed(_strategy.Name, _runId, o.Generation, o.Verdict, o.BestEver, Now));
    }

    private void OnSnapshotSaved(SaveSnapshotSuccess saved)
    {
        // Keep the newest two, so a snapshot that will not load falls back to the one before instead of a full replay.
        var previous = _newestSnapshot;
        _newestSnapshot = Math.Max(_newestSnapshot, saved.Metadata.SequenceNr);
        if (previous > 1 && previous < _newestSnapshot) DeleteSnapshots(new SnapshotSelectionCriteria(previous - 1, DateTimeOffset.MaxValue));
    }

    private void Report()
    {
        var progress = new PopulationProgress(Status());
        // Subscribers hear of it before the supervisor does, so whoever learns from the supervisor that research is idle
        // and then asks a subscriber finds the last progress already delivered to it.
        Context.System.EventStream.Publish(progress);
        Context.Parent.Tell(progress, Self);
    }

    private PopulationStatus Status()
    {
        var last = _state.Last;
        var perSecond = _state.EvaluationSeconds > 0 ? _state.Evaluations / _state.EvaluationSeconds : 0;
        return new PopulationStatus(_strategy.Name, _runId, _phase, _state.NextGeneration, last?.Best, last?.Mean, last?.BestEver, _state.Evaluations, perSecond,
            _settings.Generations > 0 ? _settings.Generations : null, _state.Started?.Regime, _state.Started?.Window.DataFingerprint, _error);
    }

    private PopulationHistory History() =>
        new(_strategy.Name, _runId, _state.History,
            [.. _state.History.Where(h => h.Verdict != StagnationVerdict.None).Select(h => new StagnationEvent(h.Generation, h.Verdict, h.BestEver))]);

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr) =>
        Log.Error(cause, "Population {Strategy} could not journal {Event}; it stops (its status says why), and the next research start or opening of the window recovers it from the journal and redoes the generation",
            _strategy.Name, @event.GetType().Name);

    protected override void OnRecoveryFailure(Exception reason, object? @event) =>
        Log.Error(reason, "Population {Strategy} run {RunId} could not be recovered from its journal; it stops rather than start empty", _strategy.Name, _runId);
}
