using System.Globalization;
using ActorTrader.Actors;
using ActorTrader.Trading.Broker;
using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Reconciliation;

// Namespace Accounts, not Account: a namespace Account under ActorTrader.Trading would hide every identifier named Account there.
namespace ActorTrader.Trading.Accounts;

/// <summary>
/// <c>account-&lt;id&gt;</c>: supervises one broker account's actors — <c>broker</c> (connection, reconnects with
/// backoff), <c>orders</c> (order manager), <c>ledger</c>, <c>risk</c> and <c>day</c> — and runs startup
/// reconciliation. Trading is permitted only after reconciliation succeeded (orders, then fills, then positions);
/// until then, after a failed attempt (retried every reconciliation-retry-interval), and for good once any child
/// stopped, trading is not permitted and an <see cref="AccountAlert"/> says why. Who tells the order manager so is
/// <see cref="AccountProps.PermissionGate"/> when set (the node's trading gate, told every outcome here), else the account.
/// </summary>
/// <remarks>
/// Supervision: a child that cannot be created is stopped; one that throws is restarted (a persistent child replays
/// its journal, so nothing is lost) at most 3 times a minute, then stopped. A persistent child whose journal cannot be
/// recovered stops itself (the persistence runtime alerts). A stopped child is not restarted: the account fails closed.
/// </remarks>
public sealed class AccountActor : ReceiveActor, IWithTimers
{
    public const string BrokerName = "broker";
    public const string OrdersName = "orders";
    public const string LedgerName = "ledger";
    public const string RiskName = "risk";
    public const string DayName = "day";

    private const string RetryTimer = "retry-reconciliation";

    private readonly AccountProps _props;
    private readonly ILoggingAdapter _log;
    private readonly Dictionary<IActorRef, string> _children = [];
    private readonly List<string> _stopped = [];
    private readonly List<IActorRef> _reconciliationWaiters = [];
    private AccountRefs? _refs;
    private TradingPermission? _permission;
    private string? _running;
    private string? _lastReconciliationId;
    private string? _lastFailure;
    private bool _reconciled;
    private int _attempts;

    public AccountActor(AccountProps props)
    {
        _props = props;
        _log = Context.GetLogger();
        Receive<StartReconciliation>(_ => BeginReconciliation(Sender));
        Receive<StartupReconciliationSucceeded>(OnReconciled);
        Receive<StartupReconciliationFailed>(OnReconciliationFailed);
        Receive<Terminated>(OnChildStopped);
        Receive<OrderManagerStarted>(_ => OnOrdersStarted(), started => started.AccountId == _props.AccountId);
        Receive<GetAccountStatus>(_ => Sender.Tell(new AccountStatus(_props.AccountId, _reconciled, _running is not null, _lastReconciliationId, _lastFailure, [.. _stopped]), Self));
        Receive<GetAccountRefs>(_ => Sender.Tell(_refs!, Self));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props CreateProps(AccountProps props)
    {
        ArgumentNullException.ThrowIfNull(props);
        ArgumentException.ThrowIfNullOrWhiteSpace(props.AccountId);
        return Props.Create(() => new AccountActor(props));
    }

    /// <summary>The account actor's name: <c>account-&lt;id&gt;</c>.</summary>
    public static string NameOf(string accountId) => "account-" + accountId;

    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(3, TimeSpan.FromMinutes(1), cause => cause switch
    {
        ActorInitializationException => Directive.Stop,
        _ => Directive.Restart,
    });

    protected override void PreStart()
    {
        var settings = _props.Settings;
        var id = _props.AccountId;
        var broker = Start(BrokerActor.CreateProps(_props.BrokerFactory, settings.BrokerConnection), BrokerName);
        var ledger = Start(_props.Ledger(), LedgerName);
        var orders = Start(OrderManagerActor.CreateProps(id, broker, ledger, settings.Orders, _props.PermissionGate ?? Self), OrdersName);
        var refs = new AccountRefs(id, Self, broker, ledger, orders, null, null);
        if (_props.Risk is { } risk) refs = refs with { Risk = Start(risk(refs), RiskName) };
        if (_props.Day is { } day) refs = refs with { Day = Start(day(refs), DayName) };
        _refs = refs;
        // Fail closed from the first message on, whatever the order manager's own default; a gate starts closed itself.
        TellPermission(new TradingPermission(false, false, $"Account {id} starts halted until startup reconciliation succeeded."));
        if (settings.ReconcileOnStart) BeginReconciliation(null);
        else _log.Warning("Account {AccountId}: reconcile-on-start = off; trading stays halted until reconciliation is requested", id);
    }

    private IActorRef Start(Props props, string name)
    {
        var child = Context.ActorOf(props, name);
        Context.Watch(child);
        _children[child] = name;
        return child;
    }

    private void BeginReconciliation(IActorRef? requester)
    {
        if (requester is not null && !requester.Equals(Self) && !requester.Equals(Context.System.DeadLetters)) _reconciliationWaiters.Add(requester);
        if (_running is not null) return;
        if (_stopped.Count > 0)
        {
            var reason = $"Account {_props.AccountId} cannot reconcile: {string.Join(", ", _stopped)} stopped. Fix: see the errors and persistence alerts above, then restart the node.";
            var failed = new StartupReconciliationFailed($"{_props.AccountId}-refused", ReconciliationStep.Orders, reason);
            foreach (var waiter in _reconciliationWaiters) waiter.Tell(failed, Self);
            _reconciliationWaiters.Clear();
            return;
        }
        Timers.Cancel(RetryTimer);
        var refs = _refs!;
        var id = string.Create(CultureInfo.InvariantCulture, $"{_props.AccountId}-{Context.System.Scheduler.Now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{++_attempts}");
        _running = id;
        _log.Info("Account {AccountId}: startup reconciliation {ReconciliationId} (orders, then fills, then positions)", _props.AccountId, id);
        Context.ActorOf(StartupReconciliationActor.CreateProps(id, refs.Orders, refs.Ledger, refs.Broker, _props.Settings.ReconciliationStepTimeout, Self), "reconciliation-" + _attempts.ToString(CultureInfo.InvariantCulture));
    }

    private void OnReconciled(StartupReconciliationSucceeded succeeded)
    {
        if (succeeded.ReconciliationId != _running) return;
        _running = null;
        _lastReconciliationId = succeeded.ReconciliationId;
        if (_stopped.Count > 0)
        {
            // A child stopped while reconciling: the account cannot vouch for its state any more.
            OnReconciliationFailed(new StartupReconciliationFailed(succeeded.ReconciliationId, ReconciliationStep.Positions, $"{string.Join(", ", _stopped)} stopped during reconciliation."));
            return;
        }
        _reconciled = true;
        _lastFailure = null;
        var orders = succeeded.Orders;
        _log.Info("Account {AccountId}: reconciliation {ReconciliationId} succeeded ({Checked} orders checked, {Discrepancies} order discrepancies, {Fills} fills, {Positions} position discrepancies); trading permitted",
            _props.AccountId, succeeded.ReconciliationId, orders.Checked, orders.Discrepancies.Count, succeeded.Fills.Fills, succeeded.Positions.Discrepancies.Count);
        TellPermission(new TradingPermission(true, false, $"Startup reconciliation {succeeded.ReconciliationId} succeeded."));
        _props.PermissionGate?.Tell(succeeded, Self);
        Context.System.EventStream.Publish(succeeded);
        foreach (var waiter in _reconciliationWaiters) waiter.Tell(succeeded, Self);
        _reconciliationWaiters.Clear();
    }

    private void OnReconciliationFailed(StartupReconciliationFailed failed)
    {
        if (failed.ReconciliationId != _running && failed.ReconciliationId != _lastReconciliationId) return;
        _running = null;
        _lastReconciliationId = failed.ReconciliationId;
        _reconciled = false;
        _lastFailure = $"{failed.Step}: {failed.Reason}";
        var why = $"Startup reconciliation {failed.ReconciliationId} failed at the {failed.Step.ToString().ToLowerInvariant()} step: {failed.Reason} Trading stays halted.";
        Alert("reconciliation", why);
        TellPermission(new TradingPermission(false, false, why));
        _props.PermissionGate?.Tell(failed, Self);
        Context.System.EventStream.Publish(failed);
        foreach (var waiter in _reconciliationWaiters) waiter.Tell(failed, Self);
        _reconciliationWaiters.Clear();
        if (_props.Settings.ReconcileOnStart && _stopped.Count == 0)
            Timers.StartSingleTimer(RetryTimer, StartReconciliation.Instance, _props.Settings.ReconciliationRetryInterval);
    }

    private void OnChildStopped(Terminated terminated)
    {
        if (!_children.Remove(terminated.ActorRef, out var name)) return;
        _stopped.Add(name);
        _reconciled = false;
        Timers.Cancel(RetryTimer);
        var why = $"Child {name} of account {_props.AccountId} stopped; the account halts trading (fail closed). Fix: see the errors and persistence alerts before this one, then restart the node.";
        var alert = Alert(name, why);
        if (_props.PermissionGate is { } gate) gate.Tell(alert, Self);
        else if (name != OrdersName) TellPermission(new TradingPermission(false, false, why));
    }

    /// <summary>Tells the order manager its permission, unless a gate owns it (then the gate hears the cause instead).</summary>
    private void TellPermission(TradingPermission permission)
    {
        if (_props.PermissionGate is not null) return;
        _permission = permission;
        _refs?.Orders.Tell(permission, Self);
    }

    /// <summary>Without a gate the account owns the permission: a restarted order manager is told it again.</summary>
    private void OnOrdersStarted()
    {
        if (_permission is { } permission) Sender.Tell(permission, Self);
    }

    private AccountAlert Alert(string source, string reason)
    {
        _log.Error("Account {AccountId} alert ({Source}): {Reason}", _props.AccountId, source, reason);
        var alert = new AccountAlert(_props.AccountId, source, reason, Context.System.Scheduler.Now);
        Context.System.EventStream.Publish(alert);
        return alert;
    }
}
