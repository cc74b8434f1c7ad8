using ActorTrader.Actors;
using ActorTrader.Brokers.Abstractions;
using ActorTrader.Trading.Broker;

namespace ActorTrader.Trading.Orders;

// Startup reconciliation of the orders (then fills, see ReconcileFills): the broker's truth for every order that may
// still change, and the broker's open orders this book never placed. The mailbox waits meanwhile, so the decisions
// are taken on exactly the state the answers were asked for.
public sealed partial class OrderManagerActor
{
    private async Task ReconcileOrdersAsync(ReconcileOrders reconcile)
    {
        var replyTo = Sender;
        var id = reconcile.ReconciliationId;
        void Fail(string reason)
        {
            Log.Error("Order reconciliation {ReconciliationId} of account {AccountId} failed: {Reason}", id, _accountId, reason);
            replyTo.Tell(new OrderReconciliationFailed(id, reason), Self);
        }

        BrokerOrdersResult listing;
        var answers = new List<(TrackedOrder Order, OrderByClientIdResult Answer)>();
        try
        {
            listing = await _broker.Ask<BrokerOrdersResult>(new GetBrokerOrders(new OrderQuery(OrderQueryStatus.Open)), _settings.BrokerTimeout).ConfigureAwait(true);
            if (listing.Failure is { } listFailure)
            {
                Fail($"The broker's open orders could not be listed ({listFailure.Kind}): {listFailure.Message}");
                return;
            }
            foreach (var order in _book.Open)
            {
                if (_submitInFlight.Contains(order.ClientOrderId)) continue;
                var answer = await _broker.Ask<OrderByClientIdResult>(new QueryOrderByClientId(order.ClientOrderId), _settings.BrokerTimeout).ConfigureAwait(true);
                if (answer.Failure is { } failure)
                {
                    Fail($"Order {order.ClientOrderId} could not be looked up at the broker ({failure.Kind}): {failure.Message}");
                    return;
                }
                answers.Add((order, answer));
            }
        }
        catch (AskTimeoutException e)
        {
            Fail($"The broker did not answer within {_settings.BrokerTimeout.TotalSeconds:0} s: {e.Message} Fix: check the broker connection; trading stays halted until reconciliation succeeds.");
            return;
        }

        var now = Now;
        var events = new List<object>();
        var discrepancies = new List<OrderDiscrepancy>();
        int changed = 0, fillsAdded = 0, unknownAdopted = 0, neverAccepted = 0, unresolved = 0;
        foreach (var (asked, answer) in answers)
        {
            var order = _book.TryGet(asked.ClientOrderId, out var current) ? current : asked;
            if (answer.Order is { } found)
            {
                var decision = OrderDecisions.ForBrokerOrder(order, found, OrderEvents.FromReconciliation, now);
                events.AddRange(decision.Events);
                discrepancies.AddRange(decision.Discrepancies);
                if (decision.Events.Count > 0) changed++;
                fillsAdded += decision.Events.OfType<OrderFilled>().Count();
                _pollRequested.Remove(order.ClientOrderId);
            }
            else if (order.State.IsAwaitingBroker())
            {
                if (now - order.UpdatedAt >= _settings.ResolveGrace)
                {
                    var reason = $"Reconciliation {id}: the broker does not know client order id {order.ClientOrderId}: the order was never accepted and is not resubmitted.";
                    events.Add(new OrderNeverAccepted(order.ClientOrderId, reason, now));
                    discrepancies.Add(new OrderDiscrepancy(order.ClientOrderId, "never-accepted", reason));
                    changed++;
                    neverAccepted++;
                }
                else
                {
                    unresolved++;
                }
            }
            else
            {
                discrepancies.Add(new OrderDiscrepancy(order.ClientOrderId, "unknown-to-broker",
                    $"the book has it {order.State.ToWire()} (broker id {order.BrokerOrderId}) but the broker does not know its client order id; kept as it is. Fix: check the broker's order history."));
            }
        }
        var adoptedIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var brokerOrder in listing.Orders!.OrderBy(o => OrderDecisions.ClientOrderIdOf(o), StringComparer.Ordinal))
        {
            var clientOrderId = OrderDecisions.ClientOrderIdOf(brokerOrder);
            if (_book.Contains(clientOrderId) || !adoptedIds.Add(clientOrderId)) continue;
            var decision = OrderDecisions.ForUnknownOrder(_accountId, brokerOrder, OrderEvents.FromReconciliation, now);
            events.AddRange(decision.Events);
            discrepancies.AddRange(decision.Discrepancies);
            unknownAdopted++;
            fillsAdded += decision.Events.OfType<OrderFilled>().Count();
        }
        foreach (var discrepancy in discrepancies)
            Log.Warning("Reconciliation {ReconciliationId}, order {ClientOrderId}: {Kind}: {Detail}", id, discrepancy.ClientOrderId, discrepancy.Kind, discrepancy.Detail);
        var summary = new OrdersReconciled(id, answers.Count, changed, fillsAdded, unknownAdopted, neverAccepted, unresolved, discrepancies);
        events.Add(new OrderReconciliationRecorded(id, answers.Count, changed, fillsAdded, unknownAdopted, neverAccepted,
            [.. discrepancies.Select(d => $"{d.ClientOrderId} {d.Kind}: {d.Detail}")], now));
        PersistEvents(events);
        DeferAsync(summary, done =>
        {
            Log.Info("Order reconciliation {ReconciliationId} of account {AccountId}: {Checked} orders checked, {Changed} changed, {Fills} fills added, {Unknown} unknown broker orders adopted, {Never} never accepted, {Unresolved} still unresolved",
                id, _accountId, done.Checked, done.Changed, done.FillsAdded, done.UnknownAdopted, done.NeverAccepted, done.Unresolved);
            replyTo.Tell(done, Self);
            if (done.Unresolved > 0) ResolvePass();
        });
    }
}
