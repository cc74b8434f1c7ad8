using ActorTrader.Actors;
using ActorTrader.Brokers.Paper;
using ActorTrader.Data.Runs;
using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Instruments;
using ActorTrader.Persistence;
using ActorTrader.Persistence.Memory;
using ActorTrader.Persistence.Serialization;
using ActorTrader.Trading.Clock;
using ActorTrader.Trading.Day;
using ActorTrader.Trading.Host;
using ActorTrader.Trading.Host.Operations;
using ActorTrader.Trading.Host.Replay;
using ActorTrader.Trading.Host.Targets;
using ActorTrader.Trading.Ledger;
using ActorTrader.Trading.Replay;
using ActorTrader.Trading.Risk;
using ActorTrader.Trading.Sleeves.Pipeline;

namespace ActorTrader.Trading.Tests.Host;

/// <summary>
/// A whole replay in-process: a real trading core (gate, account with broker, orders, ledger, risk and day) over an in-memory
/// journal that outlives its actor system (a restart), the paper broker in a temp file, hand-made bars of two symbols and a
/// fixed per-day target schedule — or, with <c>fitted</c>, targets refitted each day by a <see cref="MetaScheduleTargets"/> over a
/// <see cref="FittingMeta"/>. Each <see cref="RunAsync"/> is one "process": its own actor system, stopped at the end.
/// </summary>
internal sealed class ReplayHarness : IDisposable
{
    public const string AccountId = "paper";
    public static readonly Symbol Ko = new("NYSE", "KO");
    public static readonly Symbol Pep = new("NYSE", "PEP");
    private static readonly NyseCalendar Nyse = MarketCalendars.Nyse;
    private static readonly DateOnly First = new(2022, 9, 1);
    private static readonly RunId Run = RunId.Create(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero), "abc123");

    private readonly MemoryStorage _journal = new();
    private readonly Func<int, decimal>? _pepClose;
    private readonly bool _fitted;

    /// <param name="pepClose">PEP's close on the d-th session (default 50 + d / 2 ± 0.25).</param>
    /// <param name="fitted">Targets refitted for each day on the bars before it, instead of the fixed schedule.</param>
    public ReplayHarness(int days, Func<int, decimal>? pepClose = null, bool fitted = false)
    {
        Root = Path.Combine(Path.GetTempPath(), "actortrader-replay-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Sessions = ReplayFeedLoader.Sessions(Nyse, First, days);
        _pepClose = pepClose;
        _fitted = fitted;
    }

    public string Root { get; }

    public IReadOnlyList<MarketSession> Sessions { get; }

    public string StateFile => Path.Combine(Root, "paper-broker.db");

    public string RunsDir => Path.Combine(Root, "runs");

    public string RunDirectory => Path.Combine(RunsDir, Run.Value);

    /// <summary>Runs (or resumes) the replay; with <paramref name="stopAfterDays"/> the "process" is killed right after that many day lines.</summary>
    public async Task<HarnessRun> RunAsync(int? stopAfterDays = null)
    {
        await using var system = ActorSystem.Create("replay-" + Guid.NewGuid().ToString("N")[..8], new ActorSystemSetup { RunCoordinatedShutdownOnSignals = false });
        Persistence.Persistence.Install(system, PersistenceSetup.InMemory(TradingJournal.Register(new EventSerializer()), _journal));
        var clock = new ReplayMarketClock(Nyse, Nyse.StartOfDayUtc(Sessions[0].Date));
        var paper = new PaperBroker(PaperBrokerSettings.Default(StateFile) with { AccountKind = AccountKind.Cash }, clock.TimeProvider);
        try
        {
            using var stop = new CancellationTokenSource();
            var output = new DayLines(stopAfterDays, stop);
            var halt = system.ActorOf(Props.Create(() => new ActiveHaltSource()), "control");
            var fitter = _fitted ? system.ActorOf(Props.Create(() => new FittingMeta(History())), "fitting-meta") : null;
            Func<TradingActors, ITargetSource> targets = fitter is null
                ? _ => Targets()
                : _ => new MetaScheduleTargets(fitter, fitter, "test", Nyse, TimeSpan.FromSeconds(30), Run);
            var setup = new TradingCoreSetup(system, AccountId, () => new SharedBroker(paper), paper.Name, false, halt, Nyse, targets)
            {
                Ledger = LedgerSettings.Default with { Kind = AccountKind.Cash },
                Risk = RiskSettings.Default with { MaxOrderWeight = 1m, MaxPositionWeight = 1m, CircuitBreakers = [] },
                Day = TradingDaySettings.Default with { ScheduledRuns = [] },
                Publisher = new PaperQuotePublisher(paper),
                Assets = paper.GetAssetsAsync,
            };
            var core = await TradingCore.PrepareAsync(setup);
            var plan = new ReplayPlan(Run, Sessions, clock, new FeedQuotes(Feed()), "test", output, TimeProvider.System) { Artifacts = new RunArtifacts(RunsDir) };
            ReplayResult? result = null;
            try
            {
                result = await ReplayRunner.RunAsync(core, plan, new ReplayProgress(Run.Value, Sessions[0].Date, Sessions.Count), stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The "kill": the actor system goes down with whatever the day was doing.
            }
            var ledger = core.Account is { } refs ? await refs.Ledger.Ask<LedgerView>(GetLedger.Instance, TimeSpan.FromSeconds(10)) : null;
            return new HarnessRun(result, output.Lines, ledger, await paper.GetPositionsAsync(), (await paper.GetAccountAsync()).Cash, paper.SubmissionLog());
        }
        finally
        {
            await system.Terminate();
            await paper.DisposeAsync();
        }
    }

    /// <summary>Opens at 100 + d, closes at 100 + d + 0.5 (KO) and 50 + d / 2 ± 0.25 (PEP) on the d-th session; bars stamped at local midnight.</summary>
    private ReplayMarketFeed Feed() => ReplayMarketFeed.FromBars(Bars(), false, "test bars", Nyse);

    private Dictionary<Symbol, IReadOnlyList<Bar>> Bars()
    {
        var ko = new List<Bar>();
        var pep = new List<Bar>();
        for (var d = 0; d < Sessions.Count; d++)
        {
            var t = Nyse.StartOfDayUtc(Sessions[d].Date);
            ko.Add(new Bar(t, 100m + d, 101m + d, 99m + d, 100.5m + d, 0m));
            var close = _pepClose?.Invoke(d) ?? 50m + d / 2m + (d % 2 == 0 ? 0.25m : -0.25m);
            pep.Add(new Bar(t, 50m + d / 2m, Math.Max(51m + d, close), 49m, close, 0m));
        }
        return new Dictionary<Symbol, IReadOnlyList<Bar>> { [Ko] = ko, [Pep] = pep };
    }

    /// <summary>What the fitting meta sees: five flat sessions before the replay (KO 100, PEP 50), then the replay's bars.</summary>
    private Dictionary<Symbol, IReadOnlyList<Bar>> History()
    {
        var before = new List<DateOnly>();
        for (var day = First.AddDays(-1); before.Count < 5; day = day.AddDays(-1))
            if (Nyse.SessionOn(day) is not null) before.Insert(0, day);
        return Bars().ToDictionary(kv => kv.Key, kv => (IReadOnlyList<Bar>)[
            .. before.Select(d => new Bar(Nyse.StartOfDayUtc(d), 1m, 1m, 1m, kv.Key == Ko ? 100m : 50m, 0m)), .. kv.Value]);
    }

    /// <summary>Decided at each close before a session: KO 30 %, 10 %, 40 %, ... and PEP 20 %, 35 %, 5 %, ...</summary>
    private ScheduledTargets Targets()
    {
        var dates = new List<DateTimeOffset> { Nyse.StartOfDayUtc(new DateOnly(2022, 8, 31)) };
        dates.AddRange(Sessions.Select(s => Nyse.StartOfDayUtc(s.Date)));
        var ko = new[] { 0.3, 0.1, 0.4 };
        var pep = new[] { 0.2, 0.35, 0.05 };
        var rows = dates.Select((_, i) => (IReadOnlyList<double>)[ko[i % 3], pep[i % 3]]).ToList();
        return new ScheduledTargets([new SleeveTargetSchedule("core", 1.0, new SleeveSchedule(dates, [Ko, Pep], rows))], Nyse);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    /// <summary>The control actor's stand-in: never halted.</summary>
    private sealed class ActiveHaltSource : ReceiveActor
    {
        public ActiveHaltSource() => Receive<GetOperatorHalt>(_ => Sender.Tell(OperatorHalt.Active, Self));
    }

    /// <summary>
    /// Standard output of the replay; "kills" the run at the given day line: cancels it, and the line's write never
    /// returns, so the trading day stops right there (after the day was recorded) like a killed process, instead of racing
    /// on into the next day until the actor system is down.
    /// </summary>
    private sealed class DayLines(int? stopAfter, CancellationTokenSource stop) : StringWriter(System.Globalization.CultureInfo.InvariantCulture)
    {
        private readonly TaskCompletionSource _killed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private readonly List<string> _lines = [];

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lines) return [.. _lines];
            }
        }

        public override Task WriteLineAsync(string? value)
        {
            int count;
            lock (_lines)
            {
                _lines.Add(value ?? "");
                count = _lines.Count;
            }
            if (count != stopAfter) return Task.CompletedTask;
            stop.Cancel();
            return _killed.Task;
        }
    }
}

/// <summary>What one run of the harness left: the result (null when killed), the day lines, the ledger and the paper account.</summary>
internal sealed record HarnessRun(
    ReplayResult? Result,
    IReadOnlyList<string> Lines,
    LedgerView? Ledger,
    IReadOnlyList<Brokers.Abstractions.BrokerPosition> BrokerPositions,
    decimal BrokerCash,
    IReadOnlyList<SubmissionRecord> Submissions);
