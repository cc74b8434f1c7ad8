using ActorTrader.Trading.Host;
using ActorTrader.Actors;
using ActorTrader.Persistence;
using ActorTrader.Trading.Broker;
using ActorTrader.Trading.Ledger;

namespace ActorTrader.Trading.Orders;

/// <summary>
/// <c>account-&lt;id&gt;/orders</c>, persistence id <c>orders-&lt;account&gt;</c>: the event-sourced order manager.
/// <list type="bullet">
/// <item>Fail closed: refuses every submit until told <see cref="TradingPermission"/> (after startup reconciliation);
/// while reducing only, only intents that reduce exposure pass.</item>
/// <item>Journals <see cref="OrderSubmitted"/> (deterministic client order id) BEFORE asking the broker actor to submit;
/// a second submit of the same intent is answered "already known" and never reaches the broker.</item>
/// <item>Journals the outcome: accepted (broker order id), rejected (definite), uncertain (timeout, duplicate id) —
/// resolved by asking the broker for the client order id, never by resubmitting; not found after the grace period
/// means it was never accepted.</item>
/// <item>Applies trade updates through <see cref="OrderStateMachine"/>; books each execution once (execution id and the
/// broker's cumulative quantity) and delivers it to the ledger at least once until <see cref="FillBooked"/> — a crash
/// in between is healed on recovery by redelivery.</item>
/// <item>Reconciles with the broker on request (<see cref="ReconcileOrders"/>, <see cref="ReconcileFills"/>).</item>
/// </list>
/// A journal it cannot read or write stops it (the persistence runtime alerts); it never runs on state it cannot vouch for.
/// </summary>
public sealed partial class OrderManagerActor : AtLeastOnceDeliveryReceiveActor
{
    public const string PersistenceIdPrefix = "orders-";

    private const string ResolveTimer = "resolve";

    private readonly string _accountId;
    private readonly IActorRef _broker;
    private readonly IActorRef _ledger;
    private readonly IActorRef? _permissionSource;
    private readonly OrderManagerSettings _settings;
    private readonly OrderBook _book;
    private readonly Dictionary<long, string> _pendingDeliveries = [];
    private TradingPermission _permission = new(false, false, "Fail closed: no order is placed until startup reconciliation succeeded and trading is permitted.");
    private int _eventsSinceSnapshot;

    /// <param name="permissionSource">Told <see cref="OrderManagerStarted"/> after every (re)start, so a restarted order manager is told its permission again; null for none.</param>
    public OrderManagerActor(string accountId, IActorRef broker, IActorRef ledger, OrderManagerSettings settings, IActorRef? permissionSource = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        _accountId = accountId;
        _broker = broker ?? throw new ArgumentNullException(nameof(broker));
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _permissionSource = permissionSource;
        _book = new OrderBook(accountId);

        Recover<SnapshotOffer>(offer => RestoreSnapshot((OrderManagerSnapshot)offer.Snapshot));
        Recover<RecoveryCompleted>(_ => OnRecovered());
        RecoverAny(Replay);

        Command<SubmitOrder>(OnSubmit);
        Command<SubmitToBrokerResult>(OnSubmitResult);
        Command<OrderByClientIdResult>(OnQueryResult);
        Command<ResolveTick>(_ => ResolvePass());
        Command<BrokerTradeUpdate>(update => OnTradeUpdate(update.Update));
        Command<TradeUpdatesSubscribed>(subscribed => OnConnection(subscribed.Connected, subscribed.Generation, "subscribed"));
        Command<BrokerConnectionChanged>(changed => OnConnection(changed.Connected, changed.Generation, changed.Reason));
        Command<BrokerActorStarted>(started => Subscribe(), started => started.Broker.Equals(_broker));
        Command<BrokerActorStarted>(_ => { }); // another account's broker
        Command<FillBooked>(OnFillBooked);
        Command<ReconcileFills>(OnReconcileFills);
        Command<FillsTimedOut>(OnFillsTimedOut);
        CommandAsync<ReconcileOrders>(ReconcileOrdersAsync);
        Command<CancelOrder>(OnCancel);
        Command<CancelAtBrokerResult>(OnCancelResult);
        Command<CancelAllOpenOrders>(OnCancelAll);
        Command<CancelAllAtBrokerResult>(OnCancelAllResult);
        Command<TradingPermission>(OnPermission);
        Command<GetTradingPermission>(_ => Sender.Tell(_permission, Self));
        Command<GetOrders>(get => Sender.Tell(new OrdersView(_accountId, View(get.OpenOnly, get.SubmittedSince)), Self));
        Command<GetOrder>(get => Sender.Tell(new OrderLookup(get.ClientOrderId, _book.TryGet(get.ClientOrderId, out var order) ? order.ToView() : null), Self));
        Command<SaveSnapshotSuccess>(success => Log.Debug("Order snapshot saved at sequence nr {SequenceNr}", success.Metadata.SequenceNr));
        Command<SaveSnapshotFailure>(failure => Log.Warning("Order snapshot at sequence nr {SequenceNr} failed: {Reason}; the journal stays the truth", failure.Metadata.SequenceNr, failure.Cause.Message));
        Command<UnconfirmedWarning>(warning => Log.Warning("The ledger has not confirmed {Count} fills after several deliveries (execution ids {ExecutionIds}); still redelivering",
            warning.UnconfirmedDeliveries.Count, string.Join(", ", warning.UnconfirmedDeliveries.Select(d => d.Message is BookFill b ? b.ExecutionId : "?"))));
    }

    public override string PersistenceId => PersistenceIdPrefix + _accountId;

    public override TimeSpan RedeliverInterval => _settings.RedeliverInterval;

    public static Props CreateProps(string accountId, IActorRef broker, IActorRef ledger, OrderManagerSettings? settings = null, IActorRef? permissionSource = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        ArgumentNullException.ThrowIfNull(broker);
        ArgumentNullException.ThrowIfNull(ledger);
        return Props.Create(() => new OrderManagerActor(accountId, broker, ledger, settings ?? OrderManagerSettings.Default, permissionSource));
    }

    private static DateTimeOffset Now => Context.System.Scheduler.Now;

    private void Replay(object @event)
    {
        _book.Apply(@event);
        switch (@event)
        {
            case OrderFilled filled:
                DeliverFill(filled);
                break;
            case FillBookingConfirmed confirmed:
                Confirm(confirmed);
                break;
        }
    }

    private void OnRecovered()
    {
        var open = _book.Open;
        Log.Info("Order book of account {AccountId} recovered: {Orders} orders, {Open} open, {Awaiting} awaiting the broker, {Unconfirmed} fills not yet confirmed by the ledger",
            _accountId, _book.Count, open.Count, open.Count(o => o.State.IsAwaitingBroker()), _pendingDeliveries.Count);
        Context.System.EventStream.Subscribe(Self, typeof(BrokerActorStarted));
        Subscribe();
        // Closed until the source answers: a restart by the supervisor lost the permission this actor was told.
        _permissionSource?.Tell(new OrderManagerStarted(_accountId), Self);
        // Submitted before the crash, outcome never journaled: ask the broker, never resubmit.
        if (open.Any(o => o.State.IsAwaitingBroker())) Self.Tell(ResolveTick.Instance, Self);
    }

    private void Subscribe() => _broker.Tell(new SubscribeTradeUpdates(Self), Self);

    protected override void PostStop()
    {
        Context.System.EventStream.Unsubscribe(Self);
        base.PostStop();
    }

    /// <summary>Journals the events in one atomic write; each is applied (and its effects run) once durable, in order.</summary>
    private void PersistEvents(IReadOnlyList<object> events)
    {
        if (events.Count > 0) PersistAll(events, OnPersisted);
    }

    private void OnPersisted(object @event)
    {
        var order = _book.Apply(@event);
        switch (@event)
        {
            case OrderFilled filled:
                CrashPoints.Get(Context.System).Reached(CrashPoints.FillJournaled);
                var fill = DeliverFill(filled);
                Context.System.EventStream.Publish(new OrderFillRecorded(_accountId, filled.ExecutionId, fill, filled.Synthetic));
                break;
            case FillBookingConfirmed confirmed:
                Confirm(confirmed);
                AnswerFillWaiters();
                break;
        }
        if (order is not null && ChangeOf(@event) is { } change) Context.System.EventStream.Publish(new OrderChanged(_accountId, order.ToView(), change));
        if (++_eventsSinceSnapshot >= _settings.SnapshotInterval)
        {
            _eventsSinceSnapshot = 0;
            SaveSnapshot(BuildSnapshot());
        }
    }

    private static OrderChangeKind? ChangeOf(object @event) => @event switch
    {
        OrderSubmitted => OrderChangeKind.Submitted,
        OrderAccepted => OrderChangeKind.Accepted,
        OrderSubmitRejected => OrderChangeKind.SubmitRejected,
        OrderSubmitUncertain => OrderChangeKind.SubmitUncertain,
        OrderNeverAccepted => OrderChangeKind.NeverAccepted,
        OrderStatusChanged => OrderChangeKind.StatusChanged,
        OrderStatusForced => OrderChangeKind.StatusForced,
        OrderFilled => OrderChangeKind.Filled,
        UnknownBrokerOrderAdopted => OrderChangeKind.Adopted,
        _ => null,
    };

    private OrderManagerSnapshot BuildSnapshot()
    {
        var delivery = GetDeliverySnapshot();
        return new OrderManagerSnapshot(
            [.. _book.Orders.OrderBy(o => o.ClientOrderId, StringComparer.Ordinal)],
            delivery.CurrentDeliveryId,
            [.. delivery.UnconfirmedDeliveries.Select(d => new PendingFillDelivery(d.DeliveryId, ((BookFill)d.Message).ExecutionId)).OrderBy(d => d.DeliveryId)]);
    }

    private void RestoreSnapshot(OrderManagerSnapshot snapshot)
    {
        _book.Restore(snapshot.Orders);
        _pendingDeliveries.Clear();
        var destination = _ledger.Path.ToStringWithoutAddress();
        var unconfirmed = new List<UnconfirmedDelivery>();
        foreach (var pending in snapshot.Unconfirmed)
        {
            var (order, fill) = _book.Execution(pending.ExecutionId)
                ?? throw new InvalidOperationException($"The order snapshot of account {_accountId} lists unconfirmed fill {pending.ExecutionId}, which no order in it holds. Fix: delete the snapshot (the journal rebuilds the state).");
            _pendingDeliveries[pending.DeliveryId] = pending.ExecutionId;
            unconfirmed.Add(new UnconfirmedDelivery(pending.DeliveryId, destination, new BookFill(order.ToFill(fill), pending.ExecutionId, pending.DeliveryId, CommissionReported: !fill.Synthetic)));
        }
        SetDeliverySnapshot(new AtLeastOnceDeliverySnapshot(snapshot.CurrentDeliveryId, unconfirmed));
    }

    private IReadOnlyList<OrderView> View(bool openOnly, DateTimeOffset? submittedSince) =>
    [
        .. _book.Orders.Where(o => (!openOnly || o.State.IsOpen()) && (submittedSince is not { } since || o.SubmittedAt >= since))
            .OrderBy(o => o.SubmittedAt).ThenBy(o => o.ClientOrderId, StringComparer.Ordinal)
            .Select(o => o.ToView()),
    ];

    private void OnPermission(TradingPermission permission)
    {
        if (permission == _permission) return;
        _permission = permission;
        if (permission.Allowed) Log.Info("Trading permitted for account {AccountId}{Reducing}: {Reason}", _accountId, permission.ReducingOnly ? " (reducing only)" : "", permission.Reason);
        else Log.Warning("Trading not permitted for account {AccountId}: {Reason}", _accountId, permission.Reason);
    }

    protected override void OnRecoveryFailure(Exception reason, object? @event)
    {
        Log.Error(reason, "The order book of account {AccountId} could not be recovered; the order manager stops (fail closed) and no order is placed", _accountId);
    }

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        Log.Error(cause, "Order event {Event} of account {AccountId} could not be journaled; the order manager stops (fail closed)", @event.GetType().Name, _accountId);
    }

    private sealed record ResolveTick
    {
        public static ResolveTick Instance { get; } = new();
    }
}
