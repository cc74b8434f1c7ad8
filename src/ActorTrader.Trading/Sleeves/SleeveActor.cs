using System.Globalization;
using ActorTrader.Actors;
using ActorTrader.Data.Runs;
using ActorTrader.Domain.Instruments;
using ActorTrader.Trading.Panels;
using ActorTrader.Trading.Sleeves.Definition;
using ActorTrader.Trading.Sleeves.Pipeline;

namespace ActorTrader.Trading.Sleeves;

/// <summary>
/// One sleeve (<c>sleeve-&lt;name&gt;</c>, flow-production). On <see cref="RunSleeve"/> it loads the panel, has each
/// runnable strategy aggregated by its own child (<c>strategy-&lt;name&gt;</c>, a <see cref="BackoffSupervisor"/> over a
/// <see cref="StrategyActor"/>) in parallel, then runs health → selection → synthesis → pre-opt → optimisation → report →
/// validation, and answers the sender with exactly one <see cref="SleeveOutcome"/>. Loading and the stages run as tasks
/// piped back to the actor, so its mailbox never waits on CPU work. A strategy that throws is restarted with backoff and
/// retried; after <see cref="StrategyBackoff.MaxRestarts"/> restarts the run goes on without it and the outcome names it
/// as degraded. A failing strategy never takes the sleeve down. Runs are one at a time; a command arriving meanwhile waits.
/// </summary>
public sealed class SleeveActor : ReceiveActor, IWithStash
{
    private const string WorkerName = "worker";

    private readonly SleeveDefinition _definition;
    private readonly SleeveServices _services;
    private readonly SleevePipeline _pipeline;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Dictionary<string, IActorRef> _supervisors = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ready = new(StringComparer.Ordinal);
    private ActiveRun? _active;
    private int _sequence;

    public SleeveActor(SleeveDefinition definition, SleeveServices services) : this(definition, services, null) { }

    internal SleeveActor(SleeveDefinition definition, SleeveServices services, SleevePipeline? pipeline)
    {
        _definition = definition;
        _services = services;
        _pipeline = pipeline ?? new SleevePipeline(services);
        Idle();
    }

    public IStash Stash { get; set; } = null!;

    /// <summary>The actor name of sleeve <paramref name="sleeve"/> under its parent.</summary>
    public static string NameOf(string sleeve) => "sleeve-" + sleeve;

    /// <summary>The child name of strategy <paramref name="strategy"/> under its sleeve.</summary>
    public static string ChildNameOf(string strategy) => "strategy-" + strategy;

    /// <summary>Props of the sleeve defined by <paramref name="definition"/> (from <see cref="SleeveDefinitionReader"/>).</summary>
    public static Props Props(SleeveDefinition definition, SleeveServices services)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(services);
        return Actors.Props.Create(() => new SleeveActor(definition, services));
    }

    internal static Props Props(SleeveDefinition definition, SleeveServices services, SleevePipeline pipeline) =>
        Actors.Props.Create(() => new SleeveActor(definition, services, pipeline));

    /// <summary>A strategy supervisor that breaks is stopped; the run then goes on without that strategy.</summary>
    protected override SupervisorStrategy SupervisorStrategy() => Actors.SupervisorStrategy.StoppingStrategy;

    protected override void PreStart()
    {
        foreach (var strategy in _definition.EnabledStrategies) EnsureSupervisor(strategy.Name);
    }

    protected override void PreRestart(Exception reason, object? message)
    {
        // Crash-only, but the requester still gets its one answer, and queued commands survive into the new instance.
        if (_active is { } active) active.Requester.Tell(Unwritten(active, "sleeve", $"the sleeve actor failed during the run: {SleevePipeline.Describe(reason)}"), Self);
        Stash.UnstashAll();
        base.PreRestart(reason, message);
    }

    private void Idle()
    {
        Receive<RunSleeve>(Start);
        Common();
    }

    private void Running()
    {
        Receive<RunSleeve>(_ => Stash.Stash());
        Receive<PanelReady>(OnPanelReady, m => IsCurrent(m.RunKey));
        Receive<CandidatesComputed>(OnComputed, m => IsCurrent(m.RunKey));
        Receive<CandidatesFailed>(OnFailed, m => IsCurrent(m.RunKey));
        Receive<RunCompleted>(m => Finish(m.Outcome), m => IsCurrent(m.RunKey));
        Receive<StageCrashed>(m => Finish(Crashed(_active!, m.Stage, m.Error)), m => IsCurrent(m.RunKey));
        Common();
    }

    // Messages valid in every state; results of an earlier run arriving late are dropped.
    private void Common()
    {
        Receive<StrategyWorkerReady>(OnWorkerReady);
        Receive<StrategySupervisorStopped>(OnSupervisorStopped);
        Receive<PanelReady>(_ => { });
        Receive<CandidatesComputed>(_ => { });
        Receive<CandidatesFailed>(_ => { });
        Receive<RunCompleted>(_ => { });
        Receive<StageCrashed>(_ => { });
    }

    private bool IsCurrent(string runKey) => _active?.Key == runKey;

    private void Start(RunSleeve command)
    {
        var shared = command.RunId is not null;
        var run = command.RunId ?? RunId.New(Context.System.Scheduler.Now);
        var key = string.Create(CultureInfo.InvariantCulture, $"{run.Value}#{++_sequence}");
        SleeveRun state;
        try
        {
            var directory = SleeveRunDirectory.Create(_services.Artifacts, run, _definition.Name, shared);
            state = _pipeline.Start(_definition, run, directory);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever stops the directory (a full disk, a damaged `latest` entry), the requester still gets its one answer.
            _log.Error(e, "Sleeve {Sleeve}: cannot prepare the directory of run {RunId}", _definition.Name, run.Value);
            var fix = e is IOException or UnauthorizedAccessException ? " Fix: check that actortrader.data.runs-dir is writable." : "";
            var directory = _services.Artifacts.DirectoryOf(run);
            if (shared) directory = Path.Combine(directory, SleeveRunDirectory.SharedFolder, _definition.Name);
            Sender.Tell(new SleeveOutcome(_definition.Name, run, directory, false, "data",
                $"cannot prepare the run directory: {SleevePipeline.Describe(e)}{fix}",
                [], [], new SortedDictionary<Symbol, double>(), true, []), Self);
            return;
        }
        _active = new ActiveRun(key, Sender, state);
        foreach (var supervisor in _supervisors.Values) supervisor.Tell(BackoffSupervisor.Reset.Instance, Self);
        Become(Running);
        _log.Info("Sleeve {Sleeve}: run {RunId} started in {Directory}", _definition.Name, run.Value, state.Directory);
        // The providers generate and parse synchronously inside their async calls: the whole load goes to the pool.
        var pipeline = _pipeline;
        Task.Run(() => pipeline.LoadAsync(state, command.From, command.To, CancellationToken.None))
            .PipeTo(Self, Self, failed => new PanelReady(key, failed), error => new StageCrashed(key, "data", error));
    }

    private void OnPanelReady(PanelReady ready)
    {
        var active = _active!;
        if (ready.Failed is { } failed)
        {
            Finish(failed);
            return;
        }
        foreach (var strategy in active.Run.Runnable)
        {
            active.Pending.Add(strategy.Name);
            EnsureSupervisor(strategy.Name);
            // A child that has announced itself gets the work now; a new or restarting one gets it when it announces itself.
            if (_ready.Contains(strategy.Name)) Send(active, strategy.Name);
        }
        CompleteIfDone(active);
    }

    private void OnComputed(CandidatesComputed computed)
    {
        var active = _active!;
        if (!active.Pending.Remove(computed.Result.Strategy)) return;
        active.Results[computed.Result.Strategy] = computed.Result;
        CompleteIfDone(active);
    }

    private void OnFailed(CandidatesFailed failed)
    {
        var active = _active!;
        _ready.Remove(failed.Strategy); // it is restarting; it announces itself again when back
        if (!active.Pending.Contains(failed.Strategy)) return;
        var attempts = active.Attempts.GetValueOrDefault(failed.Strategy) + 1;
        active.Attempts[failed.Strategy] = attempts;
        active.LastErrors[failed.Strategy] = failed.Error;
        var degraded = attempts > _services.Backoff.MaxRestarts;
        _log.Warning("Sleeve {Sleeve}: strategy {Strategy} failed (attempt {Attempt}){Next}: {Error}", _definition.Name, failed.Strategy, attempts,
            degraded ? "; the run goes on without it" : "; restarting with backoff", failed.Error);
        Context.System.EventStream.Publish(new SleeveStrategyFailed(_definition.Name, failed.Strategy, attempts, degraded, failed.Error));
        if (degraded) Degrade(active, failed.Strategy);
    }

    private void OnWorkerReady(StrategyWorkerReady ready)
    {
        _ready.Add(ready.Strategy);
        if (_active is { } active && active.Pending.Contains(ready.Strategy)) Send(active, ready.Strategy);
    }

    private void OnSupervisorStopped(StrategySupervisorStopped stopped)
    {
        if (!_supervisors.TryGetValue(stopped.Strategy, out var current) || !current.Equals(stopped.Supervisor)) return;
        _supervisors.Remove(stopped.Strategy);
        _ready.Remove(stopped.Strategy);
        if (_active is not { } active || !active.Pending.Contains(stopped.Strategy)) return;
        if (!active.Asked.Contains(stopped.Strategy))
        {
            // It gave up in an earlier run before this one could use it: a fresh one takes its place.
            EnsureSupervisor(stopped.Strategy);
            return;
        }
        // A supervisor that gave up during this run counts as a failed attempt; within the limit it is replaced.
        var attempts = active.Attempts.GetValueOrDefault(stopped.Strategy) + 1;
        active.Attempts[stopped.Strategy] = attempts;
        active.LastErrors.TryAdd(stopped.Strategy, "its supervisor stopped before it answered");
        if (attempts > _services.Backoff.MaxRestarts) Degrade(active, stopped.Strategy);
        else EnsureSupervisor(stopped.Strategy);
    }

    private void Degrade(ActiveRun active, string strategy)
    {
        active.Pending.Remove(strategy);
        active.Degraded.Add(new DegradedStrategy(strategy, Math.Max(1, active.Attempts.GetValueOrDefault(strategy)), active.LastErrors.GetValueOrDefault(strategy) ?? "unknown"));
        CompleteIfDone(active);
    }

    private void CompleteIfDone(ActiveRun active)
    {
        if (active.Pending.Count > 0 || active.Completing) return;
        active.Completing = true;
        var key = active.Key;
        var run = active.Run;
        var results = run.Runnable.Where(s => active.Results.ContainsKey(s.Name)).Select(s => active.Results[s.Name]).ToList();
        var degraded = active.Degraded.ToList();
        var pipeline = _pipeline;
        Task.Run(() => pipeline.Complete(run, results, degraded))
            .PipeTo(Self, Self, outcome => new RunCompleted(key, outcome), error => new StageCrashed(key, "aggregation", error));
    }

    private void Send(ActiveRun active, string strategy)
    {
        var s = active.Run.Definition.Strategies.First(x => x.Name == strategy);
        active.Asked.Add(strategy);
        _supervisors[strategy].Tell(new ComputeCandidates(active.Key, s.Setting.Parameters, active.Run.Panel!.Panel, active.Run.Axis!), Self);
    }

    private void EnsureSupervisor(string strategy)
    {
        if (_supervisors.ContainsKey(strategy)) return;
        var definition = _definition.Strategies.First(s => s.Name == strategy);
        var backoff = _services.Backoff;
        var options = Backoff.OnFailure(StrategyActor.Props(definition.Strategy, Self), WorkerName, backoff.MinBackoff, backoff.MaxBackoff, backoff.RandomFactor)
            .WithMaxNrOfRetries(backoff.MaxRestarts)
            .WithAutoReset(TimeSpan.FromHours(1)); // restarts within a run keep counting; each run starts with a Reset
        var supervisor = Context.ActorOf(BackoffSupervisor.Props(options), ChildNameOf(strategy));
        Context.WatchWith(supervisor, new StrategySupervisorStopped(strategy, supervisor));
        _supervisors[strategy] = supervisor;
    }

    private void Finish(SleeveOutcome outcome)
    {
        var active = _active!;
        _log.Info("Sleeve {Sleeve}: run {RunId} {Result}", _definition.Name, outcome.RunId.Value,
            outcome.Succeeded ? "succeeded" : $"failed at {outcome.FailureStage}: {outcome.FailureReason}");
        active.Requester.Tell(outcome, Self);
        _active = null;
        Become(Idle);
        Stash.UnstashAll();
    }

    private SleeveOutcome Crashed(ActiveRun active, string stage, Exception error)
    {
        _log.Error(error, "Sleeve {Sleeve}: stage {Stage} crashed", _definition.Name, stage);
        try
        {
            return SleevePipeline.Fail(active.Run, stage, SleevePipeline.Describe(error));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The report cannot be written either: the answer still goes out, saying both.
            return Unwritten(active, stage, $"{SleevePipeline.Describe(error)}; the report could not be written: {SleevePipeline.Describe(e)}");
        }
    }

    private SleeveOutcome Unwritten(ActiveRun active, string stage, string reason) =>
        new(_definition.Name, active.Run.Id, active.Run.Directory, false, stage, reason, [], [], new SortedDictionary<Symbol, double>(), true, [])
        {
            DataSource = active.Run.Panel is { } panel ? PanelSourceNames.Name(panel.Source) : null,
            SyntheticData = active.Run.Panel?.Synthetic ?? false,
        };

    private sealed class ActiveRun(string key, IActorRef requester, SleeveRun run)
    {
        public string Key { get; } = key;

        public IActorRef Requester { get; } = requester;

        public SleeveRun Run { get; } = run;

        public HashSet<string> Pending { get; } = new(StringComparer.Ordinal);

        /// <summary>Strategies whose child was sent this run's work at least once.</summary>
        public HashSet<string> Asked { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, StrategyCandidates> Results { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Attempts { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> LastErrors { get; } = new(StringComparer.Ordinal);

        public List<DegradedStrategy> Degraded { get; } = [];

        public bool Completing { get; set; }
    }
}
