using System.Globalization;
using ActorTrader.Actors;
using ActorTrader.Domain.Orders;
using ActorTrader.Hosting.Alerts;
using ActorTrader.Persistence;
using ActorTrader.Research.Actors.Population;
using ActorTrader.Research.Evolution;
using ActorTrader.Trading.Accounts;
using ActorTrader.Trading.Host.Operations;
using ActorTrader.Trading.Host;
using ActorTrader.Trading.Ledger;
using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Reconciliation;
using ActorTrader.Trading.Risk;

namespace ActorTrader.Node.Alerts;

/// <summary>
/// Turns what happens in the node into alerts (issue 12 §2): it listens on the event stream for circuit-breaker trips
/// and given-up automatic actions, trading-state changes (risk and the operator's halt), reconciliation problems, order
/// rejections, journal write failures, research stagnation and stale quotes, and checks memory every check interval.
/// Everything goes through the <see cref="AlertCenter"/> (de-duplication, rate limit, sinks).
/// </summary>
internal sealed class AlertMonitor : ReceiveActor, IWithTimers
{
    private const string CheckTimer = "check";
    private readonly AlertCenter _center;
    private readonly DataFreshnessBoard _freshness;
    private readonly AlertSettings _settings;
    private readonly Func<MemoryUsage> _memory;
    private bool? _halted;

    public AlertMonitor(AlertCenter center, DataFreshnessBoard freshness, AlertSettings settings, Func<MemoryUsage> memory)
    {
        _center = center;
        _freshness = freshness;
        _settings = settings;
        _memory = memory;
        Receive<RiskEventOccurred>(OnRisk);
        Receive<RiskActionAlert>(a => Raise(AlertKinds.BreakerTrip, AlertSeverity.Critical, $"risk-action:{a.AccountId}:{a.Number}", a.Message, a.At));
        Receive<OperatorHalt>(OnHalt);
        Receive<StartupReconciliationSucceeded>(OnReconciled);
        Receive<StartupReconciliationFailed>(f => Raise(AlertKinds.Reconciliation, AlertSeverity.Critical, $"reconciliation:{f.ReconciliationId}",
            $"Startup reconciliation {f.ReconciliationId} failed at {f.Step}: {f.Reason} Trading stays halted until it succeeds.", Now));
        Receive<LedgerDiscrepancyAlert>(d => Raise(AlertKinds.Reconciliation, AlertSeverity.Warning, $"ledger-discrepancy:{d.AccountId}:{d.ReconciliationId}", d.Message, d.At));
        Receive<AccountAlert>(a => Raise(AlertKinds.Reconciliation, AlertSeverity.Critical, $"account:{a.AccountId}:{a.Source}",
            $"Account {a.AccountId} cannot trade ({a.Source}): {a.Reason}", a.At));
        Receive<OrderChanged>(OnOrder);
        Receive<PersistenceAlert>(OnPersistence);
        Receive<PopulationStagnationNoticed>(OnStagnation);
        Receive<MarketQuotesReceived>(OnQuotes);
        Receive<CheckNow>(_ => Check());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private static DateTimeOffset Now => Context.System.Scheduler.Now;

    public static Props CreateProps(AlertCenter center, DataFreshnessBoard freshness, AlertSettings settings, Func<MemoryUsage> memory) =>
        Props.Create(() => new AlertMonitor(center, freshness, settings, memory));

    protected override void PreStart()
    {
        var events = Context.System.EventStream;
        foreach (var type in new[]
                 {
                     typeof(RiskEventOccurred), typeof(RiskActionAlert), typeof(OperatorHalt), typeof(StartupReconciliationSucceeded), typeof(StartupReconciliationFailed),
                     typeof(LedgerDiscrepancyAlert), typeof(AccountAlert), typeof(OrderChanged), typeof(PersistenceAlert), typeof(PopulationStagnationNoticed),
                     typeof(MarketQuotesReceived),
                 })
            events.Subscribe(Self, type);
        Timers.StartPeriodicTimer(CheckTimer, CheckNow.Instance, _settings.CheckInterval);
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private void OnRisk(RiskEventOccurred occurred)
    {
        switch (occurred.Event)
        {
            case RiskActionTaken taken:
                Raise(AlertKinds.BreakerTrip, AlertSeverity.Critical, $"breaker-trip:{occurred.AccountId}:{string.Join(",", taken.Breakers)}",
                    $"Circuit breaker {string.Join(", ", taken.Breakers)} tripped on account {occurred.AccountId}: {taken.Reason} Automatic action {taken.Action}" +
                    (taken.Executed ? $" with {taken.Orders.Count} orders." : " not executed (trading was already halted)."), taken.At);
                break;
            case RiskTradingStateChanged changed:
                var severity = changed.To switch
                {
                    TradingState.Halted => AlertSeverity.Critical,
                    TradingState.Reducing => AlertSeverity.Warning,
                    _ => AlertSeverity.Info,
                };
                Raise(AlertKinds.TradingState, severity, $"trading-state:{occurred.AccountId}:{changed.To}",
                    $"Account {occurred.AccountId} went from {Upper(changed.From)} to {Upper(changed.To)} ({changed.ChangedBy}): {changed.Reason}", changed.At);
                break;
        }
    }

    /// <summary>The operator's (or kill switch's) halt and resume; the state the node starts in is an alert only when it is halted.</summary>
    private void OnHalt(OperatorHalt halt)
    {
        var before = _halted;
        _halted = halt.Halted;
        if (before == halt.Halted || (before is null && !halt.Halted)) return;
        if (halt.Halted)
            Raise(AlertKinds.TradingState, AlertSeverity.Critical, $"node-halt:{halt.Since:o}", $"Trading is HALTED by {halt.HaltedBy}: {halt.Reason}", halt.Since ?? Now);
        else
            Raise(AlertKinds.TradingState, AlertSeverity.Info, $"node-resume:{Now:o}", "The halt was lifted; orders flow again if reconciliation and risk allow.", Now);
    }

    private void OnReconciled(StartupReconciliationSucceeded succeeded)
    {
        var orders = succeeded.Orders.Discrepancies.Count;
        var positions = succeeded.Positions.Discrepancies.Count;
        if (orders + positions == 0) return;
        Raise(AlertKinds.Reconciliation, AlertSeverity.Warning, $"reconciliation:{succeeded.ReconciliationId}",
            $"Startup reconciliation {succeeded.ReconciliationId} found {orders} order and {positions} position discrepancies and corrected the books from the broker; check `actortrader orders` and `positions`.", Now);
    }

    private void OnOrder(OrderChanged changed)
    {
        var order = changed.Order;
        if (order.Status != OrderState.Rejected && changed.Change is not (OrderChangeKind.SubmitRejected or OrderChangeKind.NeverAccepted)) return;
        Raise(AlertKinds.OrderRejected, AlertSeverity.Warning, $"order-rejected:{order.ClientOrderId}",
            $"Order {order.ClientOrderId} ({order.Side.ToWire()} {order.Quantity.ToString(CultureInfo.InvariantCulture)} {order.Symbol}, sleeve {order.Sleeve}) was {order.Status.ToWire()}: {order.LastError ?? "no reason given"}",
            order.UpdatedAt);
    }

    private void OnPersistence(PersistenceAlert alert) => Raise(AlertKinds.JournalWrite, AlertSeverity.Critical, $"journal:{alert.PersistenceId}:{alert.Failure}",
        alert.Failure == PersistenceFailure.Recovery
            ? $"The journal of {alert.PersistenceId} could not be read back ({alert.Reason}); the actor {alert.Actor} stopped and never starts empty."
            : $"A journal write of {alert.PersistenceId} failed at sequence number {alert.SequenceNr.ToString(CultureInfo.InvariantCulture)} ({alert.Failure}): {alert.Reason}",
        alert.Timestamp);

    private void OnStagnation(PopulationStagnationNoticed noticed) => Raise(AlertKinds.ResearchStagnation, AlertSeverity.Info,
        $"research-stagnation:{noticed.Strategy}:{noticed.RunId}:{noticed.Verdict}",
        noticed.Verdict == StagnationVerdict.Restart
            ? $"Research population {noticed.Strategy} stagnated after generation {noticed.Generation} (best {noticed.BestEver.ToString("0.####", CultureInfo.InvariantCulture)}); it restarts keeping its elites."
            : $"Research population {noticed.Strategy} stagnated after generation {noticed.Generation} (best {noticed.BestEver.ToString("0.####", CultureInfo.InvariantCulture)}); the next generation gets random immigrants.",
        noticed.At);

    private void OnQuotes(MarketQuotesReceived received)
    {
        var source = $"{received.Source} ({received.AccountId})";
        var view = _freshness.Record(source, received.NewestQuoteAt, received.ReceivedAt);
        if (!view.Stale) return;
        Raise(AlertKinds.StaleData, AlertSeverity.Warning, $"stale-data:{source}",
            received.NewestQuoteAt is { } newest
                ? $"Stale data from {source}: the newest of {received.Count} quotes is from {newest:yyyy-MM-dd HH:mm} UTC, {FormatAge(view.AgeSeconds!.Value)} old (threshold {FormatAge(_freshness.StaleAfter.TotalSeconds)}). Fix: check the data provider and its subscription."
                : $"Stale data from {source}: no quotes arrived. Fix: check the data provider and its subscription.",
            received.ReceivedAt);
    }

    private void Check()
    {
        _center.FlushSuppressed();
        var usage = _memory();
        if (usage.Share <= _settings.MemoryThreshold) return;
        Raise(AlertKinds.Memory, usage.Share >= 0.95 ? AlertSeverity.Critical : AlertSeverity.Warning, "memory",
            string.Create(CultureInfo.InvariantCulture,
                $"The node uses {usage.UsedBytes / 1048576.0:0} MiB, {usage.Share * 100:0}% of its {usage.LimitBytes / 1048576.0:0} MiB limit (alert above {_settings.MemoryThreshold * 100:0}%). Fix: look at /metrics and the research populations; raise actortrader.alerts.memory.limit only if the machine has the memory."),
            Now);
    }

    private void Raise(string kind, AlertSeverity severity, string key, string message, DateTimeOffset at) =>
        _center.Raise(new Alert(kind, severity, key, message, at));

    private static string Upper(TradingState state) => state.ToString().ToUpperInvariant();

    private static string FormatAge(double seconds) => seconds >= 3600
        ? (seconds / 3600).ToString("0.#", CultureInfo.InvariantCulture) + " h"
        : (seconds / 60).ToString("0.#", CultureInfo.InvariantCulture) + " min";

    /// <summary>Timer tick: check memory and report alerts the rate limit held back.</summary>
    internal sealed record CheckNow
    {
        public static CheckNow Instance { get; } = new();
    }
}
