using ActorTrader.Actors;
using ActorTrader.Trading.Broker;

namespace ActorTrader.Trading.Orders;

// Cancels go to the broker; their outcome (canceled, or a fill that won the race) arrives as trade updates.
public sealed partial class OrderManagerActor
{
    private readonly Dictionary<string, List<IActorRef>> _cancelWaiters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (IActorRef ReplyTo, int Count)> _cancelAllWaiters = new(StringComparer.Ordinal);
    private long _requestSequence;

    private void OnCancel(CancelOrder cancel)
    {
        var clientOrderId = cancel.ClientOrderId;
        string? refusal = null;
        string? brokerOrderId = null;
        if (!_book.TryGet(clientOrderId, out var order))
            refusal = $"Account {_accountId} has no order {clientOrderId}. Fix: take the client order id from GetOrders (actortrader orders).";
        else if (order.State.IsTerminal())
            refusal = $"Order {clientOrderId} is already {order.State.ToWire()}; nothing to cancel.";
        else if ((brokerOrderId = order.BrokerOrderId) is null)
            refusal = $"Order {clientOrderId} is {order.State.ToWire()}: the broker has not acknowledged it yet. Fix: cancel again once it has, or cancel all open orders (which the broker applies to every order it has).";
        if (refusal is not null || brokerOrderId is null)
        {
            Sender.Tell(new OrderCancelRefused(clientOrderId, refusal ?? $"Order {clientOrderId} has no broker id."), Self);
            return;
        }
        Log.Info("Cancelling order {ClientOrderId}: {Reason}", clientOrderId, cancel.Reason);
        if (_cancelWaiters.TryGetValue(clientOrderId, out var waiting))
        {
            waiting.Add(Sender);
            return;
        }
        _cancelWaiters[clientOrderId] = [Sender];
        _broker.Tell(new CancelAtBroker(clientOrderId, brokerOrderId), Self);
    }

    private void OnCancelResult(CancelAtBrokerResult result)
    {
        if (!_cancelWaiters.Remove(result.ClientOrderId, out var waiters)) return;
        object reply = result.Failure is { } failure
            ? new OrderCancelRefused(result.ClientOrderId, $"The broker did not take the cancel of order {result.ClientOrderId} ({failure.Kind}): {failure.Message}")
            : new OrderCancelRequested(result.ClientOrderId);
        foreach (var waiter in waiters) waiter.Tell(reply, Self);
    }

    private void OnCancelAll(CancelAllOpenOrders cancel)
    {
        var requestId = $"cancel-all-{++_requestSequence}";
        var open = _book.Open.Count;
        Log.Warning("Cancelling all open orders of account {AccountId} ({Count} open here): {Reason}", _accountId, open, cancel.Reason);
        _cancelAllWaiters[requestId] = (Sender, open);
        _broker.Tell(new CancelAllAtBroker(requestId), Self);
    }

    private void OnCancelAllResult(CancelAllAtBrokerResult result)
    {
        if (!_cancelAllWaiters.Remove(result.RequestId, out var waiter)) return;
        if (result.Failure is { } failure)
        {
            Log.Error("The broker did not take the cancel of all open orders of account {AccountId} ({Kind}): {Reason}", _accountId, failure.Kind, failure.Message);
            waiter.ReplyTo.Tell(new CancelAllOpenOrdersFailed($"The broker did not take the cancel of all open orders ({failure.Kind}): {failure.Message}"), Self);
            return;
        }
        waiter.ReplyTo.Tell(new OpenOrdersCanceled(waiter.Count), Self);
    }
}
