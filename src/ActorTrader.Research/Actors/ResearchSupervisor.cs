using System.Globalization;
using ActorTrader.Actors;
using ActorTrader.Persistence;
using ActorTrader.Research.Actors.Population;
using ActorTrader.Research.Bandit;
using ActorTrader.Research.Discovery;
using ActorTrader.Research.Promotion.Pipeline;
using ActorTrader.Research.Promotion.Pipeline.Paper;
using ActorTrader.Research.Settings;
using ActorTrader.Strategies.Catalog;

namespace ActorTrader.Research.Actors;

/// <summary>
/// <c>/user/research</c>: the research supervisor, event-sourced under <c>research-supervisor</c> (which run each strategy
/// evolves in, and the operator's stops). Children: <c>promotion</c> (<see cref="PromotionActor"/>) and one
/// <c>population-&lt;strategy&gt;</c> (<see cref="PopulationActor"/>) per strategy with a run; a population that throws is
/// restarted from its journal and set evolving again. With <c>discovery.enabled</c> the rule-discovery population
/// <c>population-discovery</c> (<see cref="RuleStrategy.Discovery"/>) runs beside them, configured, started, stopped,
/// reported and proposing candidates as a strategy named <c>discovery</c>.
/// <para>
/// Following the window (a node), it starts the configured strategies that an operator has not stopped when the
/// <see cref="ResearchSettings.Window"/> opens and pauses every population when it closes — the generation in flight is
/// abandoned and bred again identically from the journal next time — with a timer on the actor system's scheduler for
/// each boundary, so a daylight-saving change moves the UTC instants as the local clock does. Not following it (the CLI),
/// it only runs what <see cref="StartResearch"/> asks for.
/// </para>
/// </summary>
public sealed class ResearchSupervisor : ReceivePersistentActor, IWithTimers
{
    public const string SupervisorPersistenceId = "research-supervisor";

    /// <summary>The name under <c>/user</c>.</summary>
    public const string ActorName = "research";

    private const string WindowTimer = "research-window";
    private readonly ResearchSettings _settings;
    private readonly ResearchServices _services;
    private readonly SortedDictionary<string, ResearchRunStarted> _runs = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _stopped = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IActorRef> _populations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PopulationStatus> _statuses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Evolve> _wanted = new(StringComparer.Ordinal);
    private readonly List<IActorRef> _statusWaiters = [];
    private readonly List<IActorRef> _idleWaiters = [];
    private readonly Dictionary<string, BanditState?> _retiring = new(StringComparer.Ordinal);
    private readonly HashSet<string> _awaitingAccept = new(StringComparer.Ordinal);
    // The last persistence alert of each population journal: why a population stopped, for its status (the CLI has no error log).
    private readonly Dictionary<string, string> _journalFailures = new(StringComparer.Ordinal);
    private IActorRef _promotion = ActorRefs.Nobody;
    private bool? _windowOpen;
    private DateTimeOffset? _nextWindowChange;
    private int _runCount;

    public ResearchSupervisor(ResearchSettings settings, ResearchServices services)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        ArgumentNullException.ThrowIfNull(services);
        // With discovery enabled its population is one more name the populations, the CLI and the checks below know.
        _services = settings.Discovery.Enabled && !services.Catalog.Contains(RuleStrategy.DiscoveryName)
            ? services with { Catalog = new StrategyCatalog([.. services.Catalog.All, RuleStrategy.Discovery]) }
            : services;

        Recover<ResearchRunStarted>(Apply);
        Recover<ResearchStopped>(Apply);
        Recover<ResearchResumed>(Apply);
        Recover<RecoveryCompleted>(_ => OnRecovered());

        Command<StartResearch>(HandleStart);
        Command<PauseResearch>(pause => Sender.Tell(new ResearchPaused(PauseAll(pause.Reason)), Self));
        Command<StopResearch>(HandleStop);
        Command<GetResearchStatus>(_ => AnswerWhen(_statusWaiters, Sender));
        Command<WhenResearchIdle>(_ => AnswerWhen(_idleWaiters, Sender));
        Command<GetResearchHistory>(HandleHistory);
        Command<GetCandidates>(message => _promotion.Forward(message));
        Command<PromoteCandidate>(message => _promotion.Forward(message));
        Command<RunPaperTrials>(message => _promotion.Forward(message));
        Command<PopulationProgress>(OnProgress);
        Command<PopulationRestarted>(restarted =>
        {
            if (_wanted.TryGetValue(restarted.Strategy, out var evolve) && _populations.TryGetValue(restarted.Strategy, out var population))
            {
                Log.Warning("Population {Strategy} restarted from its journal; it evolves again", restarted.Strategy);
                _awaitingAccept.Add(restarted.Strategy);
                population.Tell(evolve, Self);
            }
        });
        Command<PopulationPaused>(_ => { });
        Command<EvolveAccepted>(accepted =>
        {
            _awaitingAccept.Remove(accepted.Strategy);
            AnswerWaiters();
        });
        Command<WindowTick>(_ => OnWindowTick());
        Command<Terminated>(OnTerminated);
        Command<PersistenceAlert>(OnPersistenceAlert);
    }

    public override string PersistenceId => SupervisorPersistenceId;

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>
    /// The supervisor to create as <c>/user/research</c> (<see cref="ActorName"/>); register the research events first
    /// (<see cref="ResearchEvents.Register"/>).
    /// </summary>
    public static Props CreateProps(ResearchSettings settings, ResearchServices services)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(services);
        return Props.Create(() => new ResearchSupervisor(settings, services));
    }

    private static DateTimeOffset Now => Context.System.Scheduler.Now;

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(PersistenceAlert));
        base.PreStart();
    }

    protected override void PostStop()
    {
        Context.System.EventStream.Unsubscribe(Self);
        base.PostStop();
    }

    /// <summary>A population that throws is restarted from its journal; one that keeps throwing (3 times in 10 minutes) is stopped and reported failed.</summary>
    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(maxNrOfRetries: 3, withinTimeRange: TimeSpan.FromMinutes(10), decider: global::ActorTrader.Actors.SupervisorStrategy.DefaultDecider);

    private void Apply(ResearchRunStarted started)
    {
        _runs[started.Strategy] = started;
        _runCount++;
    }

    private void Apply(ResearchStopped stopped) => _stopped.Add(stopped.Strategy);

    private void Apply(ResearchResumed resumed) => _stopped.Remove(resumed.Strategy);

    private void OnRecovered()
    {
        _promotion = Context.ActorOf(PromotionActor.CreateProps(_settings.Promotion, _services.Paper), PromotionActor.ActorName);
        foreach (var run in _runs.Values)
        {
            if (_services.Catalog.Contains(run.Strategy))
            {
                CreatePopulation(run, null);
                continue;
            }
            Log.Warning("Research run {RunId} of {Strategy} is not resumed: {Reason}", run.RunId, run.Strategy, Unknown(run.Strategy));
        }
        Log.Info("Research supervisor recovered: {Runs} run(s), stopped by an operator: {Stopped}; window {Window}{Follow}",
            _runs.Count, _stopped.Count == 0 ? "none" : string.Join(", ", _stopped), _settings.Window, _services.FollowWindow ? "" : " (not followed: runs only when asked)");
        if (_services.FollowWindow) OnWindowTick();
    }

    private void HandleStart(StartResearch start)
    {
        var names = start.Strategies is { Count: > 0 } asked ? asked.Distinct(StringComparer.Ordinal).ToList() : [.. _settings.Populations];
        if (names.Count == 0)
        {
            Sender.Tell(new ResearchRefused("No strategies to evolve: actortrader.research.strategies is empty and discovery is off. Fix: list strategies there, pass --strategy NAME, or set actortrader.research.discovery.enabled = on."), Self);
            return;
        }
        foreach (var name in names)
        {
            if (_services.Catalog.Contains(name)) continue;
            Sender.Tell(new ResearchRefused(Unknown(name), UnknownStrategy: true), Self);
            return;
        }
        if (start.Generations is < 0)
        {
            Sender.Tell(new ResearchRefused($"--generations {start.Generations} is negative. Fix: give a number of generations, 1 or more."), Self);
            return;
        }
        var replyTo = Sender;
        var retire = start.NewRun ? names.Where(_populations.ContainsKey).ToList() : [];
        if (retire.Count == 0)
        {
            Start(names, start.Generations, start.NewRun, new Dictionary<string, BanditState>(), replyTo);
            return;
        }
        // Old runs hand over their bandit tables and stop before the new populations take their names.
        foreach (var name in retire)
        {
            _retiring[name] = null;
            _populations[name].Tell(RetirePopulation.Instance, Self);
        }
        BecomeStacked(() =>
        {
            Command<PopulationRetired>(retired => _retiring[retired.Strategy] = retired.Bandit);
            Command<Terminated>(terminated =>
            {
                var name = _populations.FirstOrDefault(p => p.Value.Equals(terminated.ActorRef)).Key;
                if (name is null || !_retiring.ContainsKey(name))
                {
                    OnTerminated(terminated);
                    return;
                }
                _populations.Remove(name);
                if (retire.Any(r => _populations.ContainsKey(r))) return;
                var inherited = retire.Where(r => _retiring.GetValueOrDefault(r) is not null).ToDictionary(r => r, r => _retiring[r]!, StringComparer.Ordinal);
                _retiring.Clear();
                UnbecomeStacked();
                Stash.UnstashAll();
                Start(names, start.Generations, newRun: true, inherited, replyTo);
            });
            Command<PopulationProgress>(OnProgress);
            CommandAny(_ => Stash.Stash());
        });
    }

    /// <summary>Journals the new runs and resumptions, then sets every population of <paramref name="names"/> evolving and answers.</summary>
    private void Start(IReadOnlyList<string> names, int? generations, bool newRun, IReadOnlyDictionary<string, BanditState> inherited, IActorRef? replyTo)
    {
        var now = Now;
        var events = new List<object>();
        var created = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (replyTo is not null && _stopped.Contains(name)) events.Add(new ResearchResumed(name, now));
            if (newRun || !_runs.ContainsKey(name))
            {
                var runId = string.Create(CultureInfo.InvariantCulture, $"{now:yyyyMMdd'T'HHmmss'Z'}-{_runCount + created.Count + 1}");
                events.Add(new ResearchRunStarted(name, runId, _settings.SeedFor(name), now));
                created.Add(name);
            }
        }
        var evolve = new Evolve(generations);
        void Go()
        {
            foreach (var name in names)
            {
                // A population that stopped (journal or repeated failure) is created again: a start retries its recovery.
                if (created.Contains(name) || !_populations.ContainsKey(name)) CreatePopulation(_runs[name], inherited.GetValueOrDefault(name));
                _wanted[name] = evolve;
                // Until the population accepts, it counts as busy: an idle query right after this start must not see the state it recovered with.
                _awaitingAccept.Add(name);
                _populations[name].Tell(evolve, Self);
            }
            replyTo?.Tell(new ResearchStarted([.. names.Select(n => new ResearchRun(n, _runs[n].RunId, created.Contains(n)))]), Self);
        }
        if (events.Count == 0)
        {
            Go();
            return;
        }
        var left = events.Count;
        PersistAll(events, e =>
        {
            switch (e)
            {
                case ResearchRunStarted run:
                    Apply(run);
                    Log.Info("Research run {RunId} of {Strategy} started (seed {Seed})", run.RunId, run.Strategy, run.Seed);
                    break;
                case ResearchResumed resumed:
                    Apply(resumed);
                    break;
            }
            if (--left == 0) Go();
        });
    }

    private void HandleStop(StopResearch stop)
    {
        var names = stop.Strategies is { Count: > 0 } asked ? asked.Distinct(StringComparer.Ordinal).ToList() : [.. _settings.Populations.Union(_runs.Keys).Where(_services.Catalog.Contains)];
        foreach (var name in names)
        {
            if (_services.Catalog.Contains(name)) continue;
            Sender.Tell(new ResearchRefused(Unknown(name), UnknownStrategy: true), Self);
            return;
        }
        foreach (var name in names) Pause(name, $"stopped by {stop.By}");
        var now = Now;
        var events = names.Where(n => !_stopped.Contains(n)).Select(n => new ResearchStopped(n, stop.By, now)).ToList();
        var replyTo = Sender;
        if (events.Count == 0)
        {
            replyTo.Tell(new ResearchStopReport(names), Self);
            return;
        }
        var left = events.Count;
        PersistAll(events, e =>
        {
            Apply(e);
            Log.Warning("Research of {Strategy} stopped by {By}; the window will not start it until research start", e.Strategy, e.By);
            if (--left == 0) replyTo.Tell(new ResearchStopReport(names), Self);
        });
    }

    private void HandleHistory(GetResearchHistory request)
    {
        if (!_services.Catalog.Contains(request.Strategy))
        {
            Sender.Tell(new ResearchRefused(Unknown(request.Strategy), UnknownStrategy: true), Self);
            return;
        }
        if (_populations.TryGetValue(request.Strategy, out var population)) population.Forward(GetPopulationHistory.Instance);
        else Sender.Tell(new PopulationHistory(request.Strategy, null, [], []), Self);
    }

    private List<string> PauseAll(string reason)
    {
        var paused = _populations.Keys.Order(StringComparer.Ordinal).ToList();
        foreach (var name in paused) Pause(name, reason);
        return paused;
    }

    private void Pause(string name, string reason)
    {
        _wanted.Remove(name);
        if (_populations.TryGetValue(name, out var population)) population.Tell(new PauseEvolution(reason), Self);
    }

    private void OnWindowTick()
    {
        var now = Now;
        var open = _settings.Window.IsOpen(now);
        _nextWindowChange = _settings.Window.NextChange(now);
        if (open != _windowOpen)
        {
            _windowOpen = open;
            Context.System.EventStream.Publish(new ResearchWindowChanged(open, now, _nextWindowChange));
            if (open)
            {
                var names = _settings.Populations.Where(s => !_stopped.Contains(s)).ToList();
                Log.Info("The research window ({Window}) is open {Until}; evolving {Strategies}", _settings.Window,
                    _nextWindowChange is { } closes ? "until " + closes.ToString("o", CultureInfo.InvariantCulture) : "always (window.enabled = off)",
                    names.Count == 0 ? "nothing (every strategy stopped or none configured)" : string.Join(", ", names));
                if (names.Count > 0) Start(names, null, newRun: false, new Dictionary<string, BanditState>(), replyTo: null);
            }
            else
            {
                Log.Info("The research window ({Window}) closed; populations pause until {Next:o} and resume from the journal", _settings.Window, _nextWindowChange);
                PauseAll("the research window closed");
            }
        }
        if (_nextWindowChange is { } next) Timers.StartSingleTimer(WindowTimer, WindowTick.Instance, next - now);
    }

    private void CreatePopulation(ResearchRunStarted run, BanditState? inherited)
    {
        var population = Context.ActorOf(
            PopulationActor.CreateProps(run.Strategy, run.RunId, run.Seed, _settings, _services, _promotion, inherited),
            PopulationActor.NameOf(run.Strategy));
        Context.Watch(population);
        _populations[run.Strategy] = population;
        _statuses.Remove(run.Strategy);
        _journalFailures.Remove(PopulationActor.PersistenceIdOf(run.Strategy, run.RunId));
    }

    private void OnPersistenceAlert(PersistenceAlert alert)
    {
        // A rejected event leaves the population running: only failures that stop it explain a stop.
        if (alert.Failure == PersistenceFailure.PersistRejected) return;
        var strategy = _runs.Values.FirstOrDefault(r => PopulationActor.PersistenceIdOf(r.Strategy, r.RunId) == alert.PersistenceId)?.Strategy;
        if (strategy is null) return;
        _journalFailures[alert.PersistenceId] = alert.Reason;
        // Normally the alert comes before the population stops; should it come after, the failed status gets the cause now.
        if (!_populations.ContainsKey(strategy) && _statuses.TryGetValue(strategy, out var status) && status.Phase == PopulationPhase.Failed)
            _statuses[strategy] = status with { Error = StoppedMessage(strategy) };
    }

    private void OnProgress(PopulationProgress progress)
    {
        var name = progress.Status.Strategy;
        if (!_populations.TryGetValue(name, out var population) || !population.Equals(Sender)) return;
        _statuses[name] = progress.Status;
        if (progress.Status.Phase is PopulationPhase.Completed or PopulationPhase.Failed) _wanted.Remove(name);
        AnswerWaiters();
    }

    private void OnTerminated(Terminated terminated)
    {
        var name = _populations.FirstOrDefault(p => p.Value.Equals(terminated.ActorRef)).Key;
        if (name is null)
        {
            if (terminated.ActorRef.Equals(_promotion)) Log.Error("The promotion actor stopped (its journal could not be recovered or written); promotions are unavailable until the node restarts");
            return;
        }
        _populations.Remove(name);
        _wanted.Remove(name);
        _awaitingAccept.Remove(name);
        var previous = _statuses.GetValueOrDefault(name) ?? PopulationStatus.NotStarted(name);
        _statuses[name] = previous with { Phase = PopulationPhase.Failed, Error = StoppedMessage(name) };
        AnswerWaiters();
    }

    /// <summary>Why the population of <paramref name="name"/> stopped: the journal's failure when one was reported, and the fix.</summary>
    private string StoppedMessage(string name)
    {
        var journal = PopulationActor.PersistenceIdOf(name, _runs[name].RunId);
        return _journalFailures.TryGetValue(journal, out var reason)
            ? $"The population of {name} stopped: its journal ({journal}) could not be recovered or written: {reason} Fix: repair the journal, or start a new run with --new."
            : $"The population of {name} stopped: its journal ({journal}) could not be recovered or written, or it failed repeatedly; see the node's error log. Fix: repair the journal, or start a new run with --new.";
    }

    private void AnswerWhen(List<IActorRef> waiters, IActorRef sender)
    {
        waiters.Add(sender);
        AnswerWaiters();
    }

    private void AnswerWaiters()
    {
        var reported = _populations.Keys.All(_statuses.ContainsKey);
        if (!reported) return;
        if (_statusWaiters.Count > 0)
        {
            var status = Status();
            foreach (var waiter in _statusWaiters) waiter.Tell(status, Self);
            _statusWaiters.Clear();
        }
        if (_idleWaiters.Count > 0 && _awaitingAccept.Count == 0 && !_statuses.Values.Any(s => s.IsBusy))
        {
            var status = Status();
            foreach (var waiter in _idleWaiters) waiter.Tell(status, Self);
            _idleWaiters.Clear();
        }
    }

    private ResearchStatus Status()
    {
        var names = _settings.Populations.Union(_runs.Keys.Where(_services.Catalog.Contains)).Union(_statuses.Keys).Order(StringComparer.Ordinal);
        var open = _settings.Window.IsOpen(Now);
        return new ResearchStatus([.. names.Select(n => _statuses.GetValueOrDefault(n) ?? PopulationStatus.NotStarted(n))], _settings.Window.ToString(),
            _services.FollowWindow, open, _settings.Window.NextChange(Now));
    }

    /// <summary>Why <paramref name="name"/> is not a population this supervisor can run, with the fix.</summary>
    private string Unknown(string name) =>
        name == RuleStrategy.DiscoveryName
            ? $"Rule discovery is off, so there is no {RuleStrategy.DiscoveryName} population. Fix: set actortrader.research.discovery.enabled = on."
            : UnknownStrategyException.Describe(name, _services.Catalog.Suggest(name), _services.Catalog.Names);

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr) =>
        Log.Error(cause, "The research supervisor could not journal {Event}; it stops, and research is unavailable until the node or command is started again (it then recovers from the journal)", @event.GetType().Name);

    protected override void OnRecoveryFailure(Exception reason, object? @event) =>
        Log.Error(reason, "The research supervisor could not recover its journal (research-supervisor); research does not start until it is repaired");
}
