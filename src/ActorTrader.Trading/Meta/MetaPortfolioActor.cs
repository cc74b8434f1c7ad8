using System.Globalization;
using ActorTrader.Actors;
using ActorTrader.Data.Runs;
using ActorTrader.Domain.Instruments;
using ActorTrader.Quant.Portfolio;
using ActorTrader.Trading.Sleeves;

namespace ActorTrader.Trading.Meta;

/// <summary>
/// The meta-portfolio (<c>/user/trading/meta</c>, flow-meta). On <see cref="RunMeta"/> it creates the run id and run
/// directory, starts every sleeve of the profile as a child (through the injected sleeve factory, each behind a
/// <see cref="SleeveGuard"/>), sends them <see cref="RunSleeve"/> with its run id all at once, and collects their
/// <see cref="SleeveOutcome"/>s until all are in or the profile's sleeve timeout (scheduler time) passes. A sleeve
/// that times out, throws or stops counts as missing, with the reason. Then it evaluates the gates, allocates across
/// the sleeves, writes <c>meta_portfolio_report.md</c> (also on failure) and the weights files, and replies one
/// <see cref="MetaOutcome"/>. Runs are one at a time; a command arriving meanwhile waits. A bad sleeve outcome is a
/// FAIL in the report, never a crash of the meta.
/// </summary>
public sealed class MetaPortfolioActor : ReceiveActor, IWithTimers, IWithStash
{
    /// <summary>The actor's name under its parent.</summary>
    public const string Name = "meta";

    private const string TimeoutKey = "sleeve-timeout";

    private readonly MetaSettings _settings;
    private readonly RunArtifacts _artifacts;
    private readonly Func<string, Props> _sleeveProps;
    private readonly OptimizerCatalog _catalog;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private ActiveRun? _active;
    private int _runsStarted;

    /// <param name="settings">Profiles (read and checked by <see cref="MetaSettings.FromConfig"/>).</param>
    /// <param name="artifacts">Where run directories go (<c>data/runs</c>).</param>
    /// <param name="sleeveProps">Props of the sleeve actor for a sleeve name; it must answer <see cref="RunSleeve"/> with one <see cref="SleeveOutcome"/>.</param>
    /// <param name="catalog">Optimisers by name; <see cref="OptimizerCatalog.Default"/> when null.</param>
    public MetaPortfolioActor(MetaSettings settings, RunArtifacts artifacts, Func<string, Props> sleeveProps, OptimizerCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(artifacts);
        ArgumentNullException.ThrowIfNull(sleeveProps);
        _settings = settings;
        _artifacts = artifacts;
        _sleeveProps = sleeveProps;
        _catalog = catalog ?? OptimizerCatalog.Default;
        Idle();
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public IStash Stash { get; set; } = null!;

    /// <summary>Props of the meta-portfolio; see the constructor for the parameters.</summary>
    public static Props CreateProps(MetaSettings settings, RunArtifacts artifacts, Func<string, Props> sleeveProps, OptimizerCatalog? catalog = null) =>
        Props.Create(() => new MetaPortfolioActor(settings, artifacts, sleeveProps, catalog));

    /// <summary>Guards never fail on their own; if one does, it is stopped and its sleeve reported missing.</summary>
    protected override SupervisorStrategy SupervisorStrategy() => Actors.SupervisorStrategy.StoppingStrategy;

    protected override void PreRestart(Exception reason, object? message)
    {
        // Crash-only, but the requester still gets an answer, and queued commands survive into the new instance.
        if (_active is { } run)
        {
            run.Requester.Tell(Failure(run.Command.Profile, run.Run, run.Directory,
                [$"the meta-portfolio failed during the run: {reason.GetType().Name}: {reason.Message}"]), Self);
        }
        Stash.UnstashAll();
        base.PreRestart(reason, message);
    }

    private void Idle()
    {
        Receive<RunMeta>(Start);
        IgnoreStale();
    }

    private void Running()
    {
        Receive<RunMeta>(_ => Stash.Stash());
        Receive<SleeveAnswered>(m => Resolve(m.Run, m.Sleeve, SleeveResult.Answered(m.Sleeve, m.Outcome)));
        Receive<SleeveLost>(m => Resolve(m.Run, m.Sleeve, SleeveResult.Missing(m.Sleeve, m.Reason)));
        Receive<SleeveGuardStopped>(m => Resolve(m.Run, m.Sleeve, SleeveResult.Missing(m.Sleeve, "the sleeve's supervisor stopped before relaying an answer")));
        Receive<SleeveTimeoutElapsed>(_ => TimeOut(), m => m.Run == _active?.Run);
        IgnoreStale();
    }

    /// <summary>Messages of a finished run (a guard's late verdict or death watch) carry its run id and change nothing.</summary>
    private void IgnoreStale()
    {
        Receive<SleeveAnswered>(_ => { });
        Receive<SleeveLost>(_ => { });
        Receive<SleeveGuardStopped>(_ => { });
        Receive<SleeveTimeoutElapsed>(_ => { });
    }

    private void Start(RunMeta command)
    {
        if (!_settings.TryGetProfile(command.Profile, out var profile, out var error))
        {
            Sender.Tell(Failure(command.Profile, null, null, [error]), Self);
            return;
        }
        var run = command.RunId ?? RunId.New(Context.System.Scheduler.Now);
        string directory;
        try
        {
            directory = _artifacts.Create(run);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _log.Error(e, "Meta run {RunId} of profile {Profile}: cannot create the run directory under {Root}", run.Value, profile.Name, _artifacts.Root);
            Sender.Tell(Failure(profile.Name, run, null, [$"cannot create the run directory under {_artifacts.Root}: {e.Message}"]), Self);
            return;
        }

        var active = new ActiveRun(command, Sender, profile, run, directory);
        _active = active;
        // Guard names carry a per-incarnation count: a pinned run id may run again while the last run's guards still stop.
        var attempt = ++_runsStarted;
        _log.Info("Meta run {RunId} of profile {Profile}: starting sleeves {Sleeves}", run.Value, profile.Name, string.Join(", ", profile.Sleeves));
        // The timer goes first, so whoever sees a sleeve asked also knows the timeout is already running.
        Timers.StartSingleTimer(TimeoutKey, new SleeveTimeoutElapsed(run), profile.SleeveTimeout);
        var sleeveCommand = new RunSleeve(run, command.From, command.To);
        foreach (var sleeve in profile.Sleeves)
        {
            Props props;
            try
            {
                props = _sleeveProps(sleeve);
            }
            catch (Exception e)
            {
                // The factory is the composition root's code (e.g. an unknown sleeve file): that sleeve is missing.
                _log.Error(e, "Meta run {RunId}: cannot create sleeve {Sleeve}", run.Value, sleeve);
                active.Results[sleeve] = SleeveResult.Missing(sleeve, $"could not be created: {e.GetType().Name}: {e.Message}");
                continue;
            }
            var guard = Context.ActorOf(SleeveGuard.CreateProps(run, sleeve, props, sleeveCommand, Self), $"sleeve-{sleeve}-{run.Value}-{attempt.ToString(CultureInfo.InvariantCulture)}");
            Context.WatchWith(guard, new SleeveGuardStopped(run, sleeve));
            active.Guards[sleeve] = guard;
        }
        Become(Running);
        FinishIfComplete();
    }

    private void Resolve(RunId run, string sleeve, SleeveResult result)
    {
        // Only this run's guard of the sleeve counts: an earlier run with the same pinned id has the same run id and names.
        if (_active is not { } active || active.Run != run || !active.Guards.TryGetValue(sleeve, out var guard) || !guard.Equals(Sender)
            || active.Results.ContainsKey(sleeve)) return;
        if (result.Outcome is null) _log.Warning("Meta run {RunId}: sleeve {Sleeve} is missing: {Reason}", run.Value, sleeve, result.MissingReason);
        active.Results[sleeve] = result;
        FinishIfComplete();
    }

    private void TimeOut()
    {
        var active = _active!;
        foreach (var sleeve in active.Profile.Sleeves.Where(s => !active.Results.ContainsKey(s)))
        {
            _log.Warning("Meta run {RunId}: sleeve {Sleeve} did not answer within {Timeout}", active.Run.Value, sleeve, active.Profile.SleeveTimeout);
            active.Results[sleeve] = SleeveResult.Missing(sleeve, $"did not answer within {MetaText.Duration(active.Profile.SleeveTimeout)} (sleeve-timeout)");
        }
        FinishIfComplete();
    }

    private void FinishIfComplete()
    {
        var active = _active!;
        if (active.Results.Count < active.Profile.Sleeves.Count) return;

        Timers.Cancel(TimeoutKey);
        foreach (var guard in active.Guards.Values)
        {
            Context.Unwatch(guard);
            Context.Stop(guard); // a sleeve still running after its timeout is cut off: this run is decided
        }

        var results = active.Profile.Sleeves.Select(s => active.Results[s]).ToList();
        var evaluation = MetaEvaluation.Evaluate(active.Profile, results, _settings.SleeveWeightsFile, _catalog);
        var reasons = evaluation.Reasons.ToList();
        string? report = null;
        try
        {
            report = MetaArtifacts.Write(active.Directory, active.Profile, active.Run, evaluation);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _log.Error(e, "Meta run {RunId}: cannot write its artifacts to {Directory}", active.Run.Value, active.Directory);
            reasons.Add($"cannot write the meta artifacts to {active.Directory}: {e.Message}");
        }

        var outcome = reasons.Count == 0
            ? new MetaOutcome(active.Profile.Name, active.Run, active.Directory, true, [], evaluation.Completeness, evaluation.SignTest,
                MetaWeightsOf(evaluation), AssetWeightsOf(evaluation), report) { TargetWeights = new SortedDictionary<Symbol, double>(evaluation.TargetWeights.ToDictionary()) }
            : Failure(active.Profile.Name, active.Run, active.Directory, reasons) with
            {
                Completeness = evaluation.Completeness,
                SignTest = evaluation.SignTest,
                ReportPath = report,
            };
        if (outcome.Succeeded) _log.Info("Meta run {RunId} of profile {Profile}: PASS, report {Report}", active.Run.Value, active.Profile.Name, report);
        else _log.Warning("Meta run {RunId} of profile {Profile}: FAIL: {Reasons}", active.Run.Value, active.Profile.Name, string.Join(" | ", reasons));
        active.Requester.Tell(outcome, Self);

        _active = null;
        Become(Idle);
        Stash.UnstashAll();
    }

    private static SortedDictionary<string, double> MetaWeightsOf(MetaEvaluation evaluation)
    {
        var weights = new SortedDictionary<string, double>(StringComparer.Ordinal);
        if (evaluation.MetaWeights is { } w)
        {
            for (var i = 0; i < w.Assets.Count; i++) weights[w.Assets[i]] = w.Weights[i];
        }
        return weights;
    }

    private static SortedDictionary<Symbol, double> AssetWeightsOf(MetaEvaluation evaluation) => new(evaluation.AssetWeights.ToDictionary());

    private static MetaOutcome Failure(string profile, RunId? run, string? directory, IReadOnlyList<string> reasons) =>
        new(profile, run, directory, false, reasons, null, null,
            new SortedDictionary<string, double>(StringComparer.Ordinal), new SortedDictionary<Symbol, double>(), null);

    /// <summary>The state of the run in progress.</summary>
    private sealed class ActiveRun(RunMeta command, IActorRef requester, MetaProfile profile, RunId run, string directory)
    {
        public RunMeta Command { get; } = command;
        public IActorRef Requester { get; } = requester;
        public MetaProfile Profile { get; } = profile;
        public RunId Run { get; } = run;
        public string Directory { get; } = directory;
        public Dictionary<string, IActorRef> Guards { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, SleeveResult> Results { get; } = new(StringComparer.Ordinal);
    }
}
