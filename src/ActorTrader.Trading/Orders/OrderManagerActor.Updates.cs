using ActorTrader.Actors;
using ActorTrader.Brokers.Abstractions;
using ActorTrader.Domain.Orders;
using ActorTrader.Trading.Ledger;

namespace ActorTrader.Trading.Orders;

// Trade updates, the broker connection, and fills on their way to the ledger (at least once, confirmed by FillBooked).
public sealed partial class OrderManagerActor
{
    private readonly List<FillWaiter> _fillWaiters = [];
    private long _brokerGeneration;

    private void OnTradeUpdate(TradeUpdate update)
    {
        var clientOrderId = OrderDecisions.ClientOrderIdOf(update.Order);
        var decision = _book.TryGet(clientOrderId, out var order)
            ? OrderDecisions.ForTradeUpdate(order, update, Now)
            : OrderDecisions.ForUnknownTradeUpdate(_accountId, update, Now);
        if (decision.Repeat)
        {
            Log.Debug("Trade update {Event} of order {ClientOrderId} (execution {ExecutionId}) is already booked", update.Event, clientOrderId, update.ExecutionId);
            return;
        }
        Apply(decision);
    }

    private void OnConnection(bool connected, long generation, string reason)
    {
        if (!connected)
        {
            Log.Warning("Broker connection down for account {AccountId}: {Reason}; commands wait for it", _accountId, reason);
            return;
        }
        var reconnected = _brokerGeneration > 0 && generation > _brokerGeneration;
        _brokerGeneration = Math.Max(_brokerGeneration, generation);
        if (!reconnected) return;
        // Updates sent while the connection was down are lost with it: ask the broker about every working order.
        var working = _book.Open.Where(o => o.BrokerOrderId is not null).ToList();
        Log.Info("Broker reconnected (connection {Generation}); polling {Count} working orders for updates missed meanwhile", generation, working.Count);
        foreach (var order in working) _pollRequested.Add(order.ClientOrderId);
        ResolvePass();
    }

    /// <summary>Sends the fill to the ledger; it is sent again every redeliver-interval until confirmed (also after a restart).</summary>
    private Fill DeliverFill(OrderFilled filled)
    {
        var (order, recorded) = _book.Execution(filled.ExecutionId)
            ?? throw new InvalidOperationException($"Fill {filled.ExecutionId} of order {filled.ClientOrderId} is not in the book after it was applied.");
        var fill = order.ToFill(recorded);
        Deliver(_ledger, deliveryId =>
        {
            _pendingDeliveries[deliveryId] = filled.ExecutionId;
            return new BookFill(fill, filled.ExecutionId, deliveryId, CommissionReported: !recorded.Synthetic);
        });
        return fill;
    }

    private void Confirm(FillBookingConfirmed confirmed)
    {
        ConfirmDelivery(confirmed.DeliveryId);
        _pendingDeliveries.Remove(confirmed.DeliveryId);
    }

    private void OnFillBooked(FillBooked booked)
    {
        // A repeated confirmation (the fill was redelivered) changes nothing.
        if (!_pendingDeliveries.TryGetValue(booked.DeliveryId, out var executionId)) return;
        if (!string.Equals(executionId, booked.ExecutionId, StringComparison.Ordinal))
        {
            Log.Error("The ledger confirmed delivery {DeliveryId} as execution {Confirmed}, but it carried {Sent}; not confirmed", booked.DeliveryId, booked.ExecutionId, executionId);
            return;
        }
        PersistEvents([new FillBookingConfirmed(booked.ExecutionId, booked.DeliveryId)]);
    }

    private void OnReconcileFills(ReconcileFills reconcile)
    {
        if (_pendingDeliveries.Count == 0)
        {
            Sender.Tell(new FillsReconciled(reconcile.ReconciliationId, FillCount), Self);
            return;
        }
        Log.Info("Reconciliation {ReconciliationId} waits for the ledger to confirm {Count} fills", reconcile.ReconciliationId, _pendingDeliveries.Count);
        _fillWaiters.Add(new FillWaiter(reconcile.ReconciliationId, Sender));
        Timers.StartSingleTimer(FillsTimerKey(reconcile.ReconciliationId), new FillsTimedOut(reconcile.ReconciliationId), _settings.FillsTimeout);
    }

    private void AnswerFillWaiters()
    {
        if (_pendingDeliveries.Count > 0 || _fillWaiters.Count == 0) return;
        foreach (var waiter in _fillWaiters)
        {
            Timers.Cancel(FillsTimerKey(waiter.ReconciliationId));
            waiter.ReplyTo.Tell(new FillsReconciled(waiter.ReconciliationId, FillCount), Self);
        }
        _fillWaiters.Clear();
    }

    private void OnFillsTimedOut(FillsTimedOut timedOut)
    {
        var waiters = _fillWaiters.Where(w => w.ReconciliationId == timedOut.ReconciliationId).ToList();
        if (waiters.Count == 0) return;
        _fillWaiters.RemoveAll(w => w.ReconciliationId == timedOut.ReconciliationId);
        var unconfirmed = _pendingDeliveries.Values.Order(StringComparer.Ordinal).ToList();
        var reason = $"The ledger has not confirmed {unconfirmed.Count} fills within {_settings.FillsTimeout.TotalSeconds:0} s (fills-timeout). " +
                     "Fix: check that the ledger actor runs and can write its journal; fills are redelivered until it confirms them.";
        foreach (var waiter in waiters) waiter.ReplyTo.Tell(new FillReconciliationFailed(waiter.ReconciliationId, reason, unconfirmed), Self);
    }

    private int FillCount => _book.Orders.Sum(o => o.Fills.Count);

    private static string FillsTimerKey(string reconciliationId) => "fills-" + reconciliationId;

    private sealed record FillWaiter(string ReconciliationId, IActorRef ReplyTo);

    private sealed record FillsTimedOut(string ReconciliationId);
}
