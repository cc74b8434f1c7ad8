using ActorTrader.Actors;
using ActorTrader.Domain.Orders;
using ActorTrader.Trading.Accounts;
using ActorTrader.Trading.Ledger;
using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Reconciliation;
using ActorTrader.Trading.Risk;

namespace ActorTrader.Trading.Host;

/// <summary>
/// <c>/user/trading/gate-&lt;account&gt;</c>: the one source of "may orders be placed". It merges startup reconciliation
/// and stopped account actors (told by the account, whose <see cref="AccountProps.PermissionGate"/> it is, so the account
/// never tells the order manager a permission itself), the operator's halt (from the node's control actor) and the risk
/// manager's state into one <see cref="TradingPermission"/> for the order manager (<see cref="GateInputs"/>: fail closed
/// until all are known), and sends it when it changed and when the order manager (re)started (<see cref="OrderManagerStarted"/>). Every submit of the node passes through it: the trading
/// day's, risk's automatic actions (the risk manager is given the gate as its order manager) and its own flatten orders;
/// a submit the merged permission does not allow is refused here already.
/// <para>
/// Halt: the permission goes off and every open order is cancelled at once. With flatten, once the cancel is answered,
/// every ledger position is closed by a market order of sleeve <c>operator</c> with <c>ReducesExposure</c> and the
/// halt's own rebalance id, so asking again (or a restart) never places a second order. Resume restores trading only
/// when reconciliation and risk allow it.
/// </para>
/// </summary>
public sealed class TradingGate : ReceiveActor, IWithStash
{
    /// <summary>The sleeve of the flatten orders.</summary>
    public const string OperatorSleeve = "operator";

    /// <summary>The leg of the flatten orders.</summary>
    public const string FlattenLeg = "flatten";

    private readonly string _accountId;
    private readonly IActorRef _haltSource;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private GateInputs _inputs = new();
    private TradingPermission _sent = new(false, false, "gate: waiting for startup reconciliation, the operator's halt state, the risk manager's state");
    private AccountRefs? _refs;
    private Flatten? _flatten;
    private FlattenCompleted? _lastFlatten;
    private string? _flattenedFor;
    private bool _ordersMayTrade;

    public TradingGate(string accountId, IActorRef haltSource)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        _accountId = accountId;
        _haltSource = haltSource ?? throw new ArgumentNullException(nameof(haltSource));

        Receive<AttachAccount>(OnAttach);
        Receive<OperatorHalt>(OnHalt);
        Receive<TradingPermission>(OnRiskPermission);
        Receive<RiskStateView>(view => OnRisk(view.Status.State, view.Status.Reason), view => view.AccountId == _accountId);
        Receive<RiskEventOccurred>(e => OnRisk(((RiskTradingStateChanged)e.Event).To, ((RiskTradingStateChanged)e.Event).Reason),
            e => e.AccountId == _accountId && e.Event is RiskTradingStateChanged);
        Receive<RiskEventOccurred>(_ => { });
        Receive<AccountStatus>(OnAccountStatus, status => status.AccountId == _accountId);
        Receive<StartupReconciliationSucceeded>(s => OnReconciled(true, s.ReconciliationId), s => Mine(s.ReconciliationId));
        Receive<StartupReconciliationFailed>(f => OnReconciled(false, $"{f.Step}: {f.Reason}"), f => Mine(f.ReconciliationId));
        Receive<StartupReconciliationSucceeded>(_ => { });
        Receive<StartupReconciliationFailed>(_ => { });
        Receive<AccountAlert>(OnAlert, alert => alert.AccountId == _accountId);
        Receive<AccountAlert>(_ => { });
        Receive<GetGateState>(_ => Sender.Tell(State(), Self));
        Receive<SubmitOrder>(OnSubmit);
        Receive<OpenOrdersCanceled>(canceled => OnCancelAnswered(null, canceled.Count));
        Receive<CancelAllOpenOrdersFailed>(failed => OnCancelAnswered(failed.Reason, 0));
        Receive<FlattenLedger>(OnFlattenLedger);
        Receive<Status.Failure>(failure => OnFlattenFailed(failure.Cause));
        Receive<OrderSubmitAccepted>(accepted => OnFlattenAnswer(accepted.ClientOrderId, null));
        Receive<OrderSubmitRefused>(refused => OnFlattenAnswer(refused.ClientOrderId, refused.Reason));
        // Everything else the order manager speaks (cancels, queries) passes through unchanged.
        Receive<CancelOrder>(ForwardToOrders);
        Receive<CancelAllOpenOrders>(ForwardToOrders);
        Receive<GetOrders>(ForwardToOrders);
        Receive<GetOrder>(ForwardToOrders);
        Receive<GetTradingPermission>(_ => Sender.Tell(_sent, Self));
        Receive<OrderManagerStarted>(_ => OnOrdersStarted(), started => started.AccountId == _accountId);
    }

    public IStash Stash { get; set; } = null!;

    /// <param name="accountId">The account whose order manager the gate guards.</param>
    /// <param name="haltSource">Answers <see cref="GetOperatorHalt"/> (the node's control actor).</param>
    public static Props CreateProps(string accountId, IActorRef haltSource) => Props.Create(() => new TradingGate(accountId, haltSource));

    /// <summary>The gate's name under <c>/user/trading</c>.</summary>
    public static string NameOf(string accountId) => "gate-" + accountId;

    protected override void PreStart()
    {
        var stream = Context.System.EventStream;
        stream.Subscribe(Self, typeof(OperatorHalt));
        stream.Subscribe(Self, typeof(RiskEventOccurred));
        _haltSource.Tell(GetOperatorHalt.Instance, Self);
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private bool Mine(string reconciliationId) => reconciliationId.StartsWith(_accountId + "-", StringComparison.Ordinal);

    private void OnAttach(AttachAccount attach)
    {
        if (attach.Refs.AccountId != _accountId)
        {
            _log.Error("Gate of account {AccountId} was given the actors of account {Other}; ignored", _accountId, attach.Refs.AccountId);
            return;
        }
        _refs = attach.Refs;
        attach.Refs.Account.Tell(GetAccountStatus.Instance, Self);
        attach.Refs.Risk?.Tell(GetRiskState.Instance, Self);
        if (attach.Refs.Risk is null) _inputs = _inputs with { Risk = TradingState.Active, RiskNote = "no risk manager configured" };
        // The order manager starts closed; a verdict already reached (allowed, or a refusal for good such as a halt) is told now.
        Emit(force: !_inputs.Waiting);
        Stash.UnstashAll();
        if (_inputs.Halt is { Halted: true } halt) StartHaltActions(halt);
    }

    private void OnAccountStatus(AccountStatus status)
    {
        if (status.StoppedChildren.Count > 0) _inputs = _inputs with { Stopped = string.Join(", ", status.StoppedChildren) };
        if (status.Reconciled && _inputs.Reconciled is null) _inputs = _inputs with { Reconciled = true, ReconciliationNote = status.LastReconciliationId };
        else if (status.LastFailure is { } failure && _inputs.Reconciled is null) _inputs = _inputs with { Reconciled = false, ReconciliationNote = failure };
        Emit(force: false);
    }

    private void OnReconciled(bool succeeded, string note)
    {
        _inputs = _inputs with { Reconciled = succeeded, ReconciliationNote = note };
        Emit(force: false);
    }

    private void OnAlert(AccountAlert alert)
    {
        if (alert.Source != "reconciliation") _inputs = _inputs with { Stopped = $"{alert.Source}: {alert.Reason}" };
        Emit(force: false);
    }

    private void OnRiskPermission(TradingPermission permission)
    {
        var state = !permission.Allowed ? TradingState.Halted : permission.ReducingOnly ? TradingState.Reducing : TradingState.Active;
        OnRisk(state, permission.Reason);
    }

    private void OnRisk(TradingState state, string reason)
    {
        _inputs = _inputs with { Risk = state, RiskNote = reason };
        Emit(force: false);
    }

    private void OnHalt(OperatorHalt halt)
    {
        var before = _inputs.Halt;
        _inputs = _inputs with { Halt = halt };
        Emit(force: false);
        if (!halt.Halted)
        {
            if (before is { Halted: true }) _log.Warning("Gate of account {AccountId}: the operator resumed; trading permission is now: {Reason}", _accountId, _sent.Reason);
            _flattenedFor = null;
            return;
        }
        if (_refs is null) return;
        var newHalt = before is not { Halted: true } || before.Since != halt.Since;
        if (newHalt || (halt.Flatten && _flattenedFor != halt.FlattenRebalanceId)) StartHaltActions(halt);
    }

    /// <summary>Cancel every open order now; with flatten, close the positions once the cancel is answered.</summary>
    private void StartHaltActions(OperatorHalt halt)
    {
        _log.Warning("Gate of account {AccountId}: halted by {HaltedBy} ({Reason}); cancelling every open order{Flatten}",
            _accountId, halt.HaltedBy, halt.Reason, halt.Flatten ? " and closing every position" : "");
        if (halt.Flatten)
        {
            _flattenedFor = halt.FlattenRebalanceId;
            _flatten = new Flatten(halt.FlattenRebalanceId, halt.Reason ?? "operator halt");
        }
        _refs!.Orders.Tell(new CancelAllOpenOrders($"operator halt: {halt.Reason}"), Self);
    }

    private void OnCancelAnswered(string? failure, int count)
    {
        if (failure is not null) _log.Error("Gate of account {AccountId}: cancelling the open orders failed: {Reason}", _accountId, failure);
        else _log.Info("Gate of account {AccountId}: {Count} open orders asked to cancel", _accountId, count);
        if (_flatten is { Stage: FlattenStage.Cancelling } flatten)
        {
            flatten.Stage = FlattenStage.ReadingLedger;
            _refs!.Ledger.Ask<LedgerView>(GetLedger.Instance, TimeSpan.FromSeconds(30))
                .PipeTo(Self, Self, view => new FlattenLedger(flatten.RebalanceId, view));
        }
    }

    private void OnFlattenFailed(Exception cause)
    {
        if (_flatten is not { Stage: FlattenStage.ReadingLedger } flatten) return;
        _log.Error(cause, "Gate of account {AccountId}: flatten {RebalanceId} could not read the ledger; positions stay open. Fix: halt --flatten again", _accountId, flatten.RebalanceId);
        Publish(new FlattenCompleted(_accountId, flatten.RebalanceId, 0, 0, [$"ledger not readable: {cause.Message}"], []));
        _flatten = null;
    }

    private void OnFlattenLedger(FlattenLedger read)
    {
        if (_flatten is not { Stage: FlattenStage.ReadingLedger } flatten || flatten.RebalanceId != read.RebalanceId) return;
        var (intents, skipped) = FlattenIntents(read.View, flatten);
        flatten.Skipped.AddRange(skipped);
        flatten.Positions = intents.Count + skipped.Count;
        if (intents.Count == 0)
        {
            Complete(flatten);
            return;
        }
        flatten.Stage = FlattenStage.Submitting;
        foreach (var intent in intents) flatten.Waiting.Add(intent.ClientOrderId);
        // Only for these orders: reducing only, then back to the merged (halted) permission once all are answered.
        _refs!.Orders.Tell(FlattenPermission(flatten), Self);
        _ordersMayTrade = true;
        foreach (var intent in intents) _refs.Orders.Tell(new SubmitOrder(intent), Self);
    }

    private static TradingPermission FlattenPermission(Flatten flatten) =>
        new(true, true, $"gate: halted; only the flatten orders of {flatten.RebalanceId} pass");

    /// <summary>
    /// The order manager (re)started closed — after a restart by its supervisor it lost what it was told and the merged
    /// permission may not change again for long: tell it the current one now. "Still waiting" is not told (its own default).
    /// </summary>
    private void OnOrdersStarted()
    {
        var permission = _flatten is { Stage: FlattenStage.Submitting } flatten ? FlattenPermission(flatten) : _inputs.Permission();
        _ordersMayTrade = false;
        if (!permission.Allowed && _inputs.Waiting) return;
        _log.Info("Gate of account {AccountId}: the order manager started; told it the current permission ({Allowed}): {Reason}",
            _accountId, permission.Allowed ? permission.ReducingOnly ? "reducing only" : "allowed" : "not allowed", permission.Reason);
        Sender.Tell(permission, Self);
        _ordersMayTrade = permission.Allowed;
    }

    private (List<OrderIntent> Intents, List<string> Skipped) FlattenIntents(LedgerView view, Flatten flatten)
    {
        var intents = new List<OrderIntent>();
        var skipped = new List<string>();
        foreach (var position in view.Positions.Where(p => p.Quantity != 0m).OrderBy(p => p.Symbol))
        {
            var price = view.Marks.TryGetValue(position.Symbol, out var mark) && mark > 0m ? mark : position.AverageCost;
            if (price <= 0m)
            {
                skipped.Add($"{position.Symbol}: no mark and no average cost to price the closing order");
                continue;
            }
            var side = position.Quantity > 0m ? OrderSide.Sell : OrderSide.Buy;
            intents.Add(new OrderIntent(_accountId, OperatorSleeve, flatten.RebalanceId, position.Symbol, side, Math.Abs(position.Quantity), FlattenLeg, price,
                OrderType.Market, TimeInForce.Day, ReducesExposure: true, Reason: $"operator halt with flatten: {flatten.Reason}"));
        }
        return (intents, skipped);
    }

    private void OnFlattenAnswer(string clientOrderId, string? refusal)
    {
        if (_flatten is not { Stage: FlattenStage.Submitting } flatten || !flatten.Waiting.Remove(clientOrderId)) return;
        if (refusal is null) flatten.Accepted++;
        else flatten.Refused.Add($"{clientOrderId}: {refusal}");
        if (flatten.Waiting.Count == 0) Complete(flatten);
    }

    private void Complete(Flatten flatten)
    {
        _flatten = null;
        var done = new FlattenCompleted(_accountId, flatten.RebalanceId, flatten.Positions, flatten.Accepted, [.. flatten.Refused], [.. flatten.Skipped]);
        _lastFlatten = done;
        _log.Warning("Gate of account {AccountId}: flatten {RebalanceId}: {Accepted} closing orders placed, {Refused} refused, {Skipped} positions skipped",
            _accountId, done.RebalanceId, done.Accepted, done.Refused.Count, done.Skipped.Count);
        Emit(force: true);
        Publish(done);
    }

    private void OnSubmit(SubmitOrder submit)
    {
        if (_refs is null)
        {
            Stash.Stash();
            return;
        }
        var intent = submit.Intent;
        string id;
        try
        {
            id = intent.ClientOrderId;
        }
        catch (ArgumentException)
        {
            _refs.Orders.Forward(submit);
            return;
        }
        var permission = _inputs.Permission();
        string? refusal = null;
        if (!permission.Allowed) refusal = $"Trading is not permitted for account {_accountId}: {permission.Reason}";
        else if (permission.ReducingOnly && !intent.ReducesExposure)
            refusal = $"Account {_accountId} is reducing only ({permission.Reason}); {intent.Side.ToWire()} {intent.Quantity} {intent.Symbol} does not reduce exposure.";
        if (refusal is not null)
        {
            _log.Warning("Gate of account {AccountId} refused order {ClientOrderId}: {Reason}", _accountId, id, refusal);
            Sender.Tell(new OrderSubmitRefused(id, refusal), Self);
            return;
        }
        _refs.Orders.Forward(submit);
    }

    private void ForwardToOrders(object message)
    {
        if (_refs is null) Stash.Stash();
        else _refs.Orders.Forward(message);
    }

    /// <summary>
    /// Sends the merged permission to the order manager when it changed (or always, with <paramref name="force"/>). While
    /// inputs are still unknown at start the order manager is already closed (its own default), so "still waiting" is not
    /// repeated to it.
    /// </summary>
    private void Emit(bool force)
    {
        // While flatten orders are being placed the order manager keeps its reducing-only permission until all are answered.
        if (_flatten is { Stage: FlattenStage.Submitting }) return;
        var permission = _inputs.Permission();
        var changed = permission != _sent;
        var waiting = _inputs.Waiting;
        if (changed)
        {
            if (permission.Allowed) _log.Info("Gate of account {AccountId}: trading permitted{Reducing}: {Reason}", _accountId, permission.ReducingOnly ? " (reducing only)" : "", permission.Reason);
            else if (waiting) _log.Info("Gate of account {AccountId}: trading not permitted yet: {Reason}", _accountId, permission.Reason);
            else _log.Warning("Gate of account {AccountId}: trading not permitted: {Reason}", _accountId, permission.Reason);
            _sent = permission;
            Publish(new TradingPermissionChanged(_accountId, permission));
        }
        if (_refs is null || !(changed || force)) return;
        if (!permission.Allowed && waiting && !_ordersMayTrade && !force) return;
        _refs.Orders.Tell(permission, Self);
        _ordersMayTrade = permission.Allowed;
    }

    private GateState State() => new(_accountId, _sent, _inputs.DescribeReconciliation(), _inputs.DescribeHalt(), _inputs.DescribeRisk(), _refs is not null, _lastFlatten)
    {
        Waiting = _inputs.Waiting,
    };

    private static void Publish(object @event) => Context.System.EventStream.Publish(@event);

    private sealed record FlattenLedger(string RebalanceId, LedgerView View);

    private enum FlattenStage
    {
        Cancelling,
        ReadingLedger,
        Submitting,
    }

    private sealed class Flatten(string rebalanceId, string reason)
    {
        public string RebalanceId { get; } = rebalanceId;

        public string Reason { get; } = reason;

        public FlattenStage Stage { get; set; } = FlattenStage.Cancelling;

        public HashSet<string> Waiting { get; } = new(StringComparer.Ordinal);

        public int Positions { get; set; }

        public int Accepted { get; set; }

        public List<string> Refused { get; } = [];

        public List<string> Skipped { get; } = [];
    }
}
