using ActorTrader.Trading.Host;
using ActorTrader.Domain.Orders;
using ActorTrader.Trading.Broker;

namespace ActorTrader.Trading.Orders;

// Submitting: permission, validation, journal first, then the broker; the outcome journaled; ambiguous outcomes
// resolved by asking the broker for the client order id.
public sealed partial class OrderManagerActor
{
    private readonly HashSet<string> _submitInFlight = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _queryInFlight = new(StringComparer.Ordinal);
    private readonly HashSet<string> _pollRequested = new(StringComparer.Ordinal);

    private void OnSubmit(SubmitOrder submit)
    {
        var intent = submit.Intent;
        string clientOrderId;
        try
        {
            clientOrderId = intent.ClientOrderId;
        }
        catch (ArgumentException e)
        {
            Refuse("(no id)", $"The intent cannot be given a client order id: {e.Message} Fix: set account, sleeve, rebalance id and leg.");
            return;
        }
        if (_book.TryGet(clientOrderId, out _))
        {
            Sender.Tell(new OrderSubmitAccepted(clientOrderId, AlreadyKnown: true), Self);
            return;
        }
        if (!string.Equals(intent.AccountId, _accountId, StringComparison.Ordinal))
        {
            Refuse(clientOrderId, $"The intent is for account {intent.AccountId}; this order manager serves account {_accountId}. Fix: send it to account-{intent.AccountId}/orders.");
            return;
        }
        if (!_permission.Allowed)
        {
            Refuse(clientOrderId, $"Trading is not permitted for account {_accountId}: {_permission.Reason}");
            return;
        }
        if (_permission.ReducingOnly && !intent.ReducesExposure)
        {
            Refuse(clientOrderId, $"Account {_accountId} is reducing only ({_permission.Reason}); {intent.Side.ToWire()} {intent.Quantity} {intent.Symbol} does not reduce exposure. Fix: only orders with ReducesExposure pass until trading is fully permitted.");
            return;
        }
        OrderRequest request;
        try
        {
            request = intent.ToRequest();
        }
        catch (InvalidOrderException e)
        {
            Refuse(clientOrderId, e.Message);
            return;
        }
        var replyTo = Sender;
        Persist(OrderSubmitted.From(intent, Now), submitted =>
        {
            OnPersisted(submitted);
            replyTo.Tell(new OrderSubmitAccepted(clientOrderId, AlreadyKnown: false), Self);
            // Only now, with the order durable, may the broker hear of it.
            _submitInFlight.Add(clientOrderId);
            CrashPoints.Get(Context.System).Reached(CrashPoints.OrderJournaled);
            _broker.Tell(new SubmitToBroker(request), Self);
        });
    }

    private void Refuse(string clientOrderId, string reason)
    {
        Log.Warning("Order {ClientOrderId} refused: {Reason}", clientOrderId, reason);
        Sender.Tell(new OrderSubmitRefused(clientOrderId, reason), Self);
    }

    private void OnSubmitResult(SubmitToBrokerResult result)
    {
        var clientOrderId = result.ClientOrderId;
        _submitInFlight.Remove(clientOrderId);
        if (!_book.TryGet(clientOrderId, out var order)) return;
        if (order.State != OrderState.PendingSubmit)
        {
            // Trade updates got here first: the submit's answer is older than what the book holds. Keep only the broker id.
            if (result.Order is { } late && order.BrokerOrderId is null)
                PersistEvents([new OrderAccepted(clientOrderId, late.BrokerOrderId, OrderEventKinds.From(late.Status), order.State, OrderEvents.FromSubmit, Now)]);
            return;
        }
        if (result.Order is { } accepted)
        {
            Apply(OrderDecisions.ForBrokerOrder(order, accepted, OrderEvents.FromSubmit, Now));
            return;
        }
        var failure = result.Failure ?? new BrokerFailure(BrokerFailureKind.Ambiguous, "The broker actor answered the submit with neither an order nor a failure.");
        switch (failure.Kind)
        {
            case BrokerFailureKind.Ambiguous:
            case BrokerFailureKind.DuplicateClientOrderId:
                var duplicate = failure.Kind == BrokerFailureKind.DuplicateClientOrderId;
                Log.Warning("Submit of order {ClientOrderId} is uncertain ({Kind}): {Reason}; resolving by client order id", clientOrderId, failure.Kind, failure.Message);
                Persist(new OrderSubmitUncertain(clientOrderId, failure.Message, duplicate, Now), uncertain =>
                {
                    OnPersisted(uncertain);
                    ResolvePass();
                });
                break;
            default:
                Log.Warning("Order {ClientOrderId} was not placed ({Kind}): {Reason}", clientOrderId, failure.Kind, failure.Message);
                PersistEvents([new OrderSubmitRejected(clientOrderId, failure.Message, failure.StatusCode, failure.ReasonCode, Now)]);
                break;
        }
    }

    /// <summary>Journals a decision, reports its discrepancies, and asks the broker again about an order news did not fit.</summary>
    private void Apply(OrderDecision decision)
    {
        foreach (var discrepancy in decision.Discrepancies)
            Log.Warning("Order {ClientOrderId} of account {AccountId}: {Kind}: {Detail}", discrepancy.ClientOrderId, _accountId, discrepancy.Kind, discrepancy.Detail);
        PersistEvents(decision.Events);
        if (decision.Refused is { } refused)
        {
            Log.Error(refused, "{Message}", refused.Message);
            Context.System.EventStream.Publish(new OrderTransitionRefused(_accountId, refused.ClientOrderId, refused.From, refused.Event, refused.Message));
            _pollRequested.Add(refused.ClientOrderId);
            DeferAsync(refused.ClientOrderId, _ => ResolvePass());
        }
    }

    /// <summary>
    /// Asks the broker (by client order id) about every order awaiting its answer and every order flagged for a poll,
    /// one query per order at a time; repeats every resolve-interval while any is left.
    /// </summary>
    private void ResolvePass()
    {
        var now = Now;
        foreach (var (clientOrderId, sentAt) in _queryInFlight.ToArray())
        {
            // An answer that never came (the broker actor restarted) must not block the order for good.
            if (now - sentAt >= _settings.BrokerTimeout) _queryInFlight.Remove(clientOrderId);
        }
        var waiting = false;
        // Open orders, and final ones whose news did not fit (a never-accepted order the broker turns out to have).
        var candidates = _book.Open.Concat(_pollRequested.Order(StringComparer.Ordinal)
            .Select(id => _book.TryGet(id, out var polled) ? polled : null).OfType<TrackedOrder>().Where(o => o.State.IsTerminal()));
        foreach (var order in candidates)
        {
            var clientOrderId = order.ClientOrderId;
            if (!NeedsQuery(order) || _submitInFlight.Contains(clientOrderId)) continue;
            waiting = true;
            if (_queryInFlight.ContainsKey(clientOrderId)) continue;
            _queryInFlight[clientOrderId] = now;
            _broker.Tell(new QueryOrderByClientId(clientOrderId), Self);
        }
        if (!waiting) Timers.Cancel(ResolveTimer);
        else if (!Timers.IsTimerActive(ResolveTimer)) Timers.StartPeriodicTimer(ResolveTimer, ResolveTick.Instance, _settings.ResolveInterval);
    }

    private bool NeedsQuery(TrackedOrder order) => order.State.IsAwaitingBroker() || _pollRequested.Contains(order.ClientOrderId);

    private void OnQueryResult(OrderByClientIdResult result)
    {
        var clientOrderId = result.ClientOrderId;
        _queryInFlight.Remove(clientOrderId);
        if (!_book.TryGet(clientOrderId, out var order)) return;
        if (result.Failure is { } failure)
        {
            Log.Warning("Looking up order {ClientOrderId} at the broker failed ({Kind}): {Reason}; trying again in {Interval}", clientOrderId, failure.Kind, failure.Message, _settings.ResolveInterval);
            return;
        }
        _pollRequested.Remove(clientOrderId);
        if (result.Order is { } found)
        {
            Apply(OrderDecisions.ForBrokerOrder(order, found, OrderEvents.FromQuery, Now));
            return;
        }
        if (!order.State.IsAwaitingBroker())
        {
            Log.Error("Order {ClientOrderId} ({State}, broker id {BrokerOrderId}) is unknown to the broker by client order id; the book keeps it. Fix: check the broker's order history",
                clientOrderId, order.State.ToWire(), order.BrokerOrderId);
            return;
        }
        if (_submitInFlight.Contains(clientOrderId) || Now - order.UpdatedAt < _settings.ResolveGrace) return;
        var reason = $"The broker does not know client order id {clientOrderId} {(Now - order.UpdatedAt).TotalSeconds:0} s after the submit (grace {_settings.ResolveGrace.TotalSeconds:0} s): the order was never accepted and is not resubmitted. Fix: place it again with a new rebalance id if it is still wanted.";
        Log.Warning("{Reason}", reason);
        PersistEvents([new OrderNeverAccepted(clientOrderId, reason, Now)]);
    }
}
