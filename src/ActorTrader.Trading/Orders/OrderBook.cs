namespace ActorTrader.Trading.Orders;

/// <summary>
/// The orders of one account by client order id, changed only by applying journaled events (<see cref="Apply"/>), the
/// same way during recovery and after a persist. Knows which order booked each execution id (to rebuild deliveries from a snapshot).
/// </summary>
internal sealed class OrderBook(string accountId)
{
    private readonly Dictionary<string, TrackedOrder> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _orderOfExecution = new(StringComparer.Ordinal);

    public int Count => _orders.Count;

    public IEnumerable<TrackedOrder> Orders => _orders.Values;

    /// <summary>Orders that may still change, ordered by client order id (deterministic work order).</summary>
    public IReadOnlyList<TrackedOrder> Open => [.. _orders.Values.Where(o => o.State.IsOpen()).OrderBy(o => o.ClientOrderId, StringComparer.Ordinal)];

    public bool TryGet(string clientOrderId, out TrackedOrder order) => _orders.TryGetValue(clientOrderId, out order!);

    public bool Contains(string clientOrderId) => _orders.ContainsKey(clientOrderId);

    /// <summary>The order and fill of a booked execution.</summary>
    public (TrackedOrder Order, RecordedFill Fill)? Execution(string executionId) =>
        _orderOfExecution.TryGetValue(executionId, out var clientOrderId) && _orders[clientOrderId].FillOf(executionId) is { } fill
            ? (_orders[clientOrderId], fill)
            : null;

    public void Restore(IEnumerable<TrackedOrder> orders)
    {
        _orders.Clear();
        _orderOfExecution.Clear();
        foreach (var order in orders) Put(order);
    }

    /// <summary>Applies one journaled event; returns the order it changed (null for events about no single order).</summary>
    public TrackedOrder? Apply(object @event)
    {
        switch (@event)
        {
            case OrderSubmitted submitted:
                return Put(Create(submitted));
            case UnknownBrokerOrderAdopted adopted:
                return Put(Create(adopted, accountId));
            case OrderFilled or OrderAccepted or OrderSubmitRejected or OrderSubmitUncertain or OrderNeverAccepted or OrderStatusChanged or OrderStatusForced:
                var clientOrderId = ClientOrderIdOf(@event);
                if (!_orders.TryGetValue(clientOrderId, out var order))
                    throw new InvalidOperationException($"Journal event {@event.GetType().Name} names order {clientOrderId}, which no earlier event created. Fix: the journal of this account is inconsistent; restore it from a backup.");
                return Put(Evolve(order, @event));
            default:
                return null;
        }
    }

    /// <summary>The order after <paramref name="event"/> (pure; used to look ahead before persisting).</summary>
    public static TrackedOrder Evolve(TrackedOrder order, object @event) => @event switch
    {
        OrderAccepted e => order with { BrokerOrderId = e.BrokerOrderId, State = e.State, UpdatedAt = e.At },
        OrderSubmitRejected e => order with { State = OrderState.Rejected, LastError = e.Reason, UpdatedAt = e.At },
        OrderSubmitUncertain e => order with { State = OrderState.SubmitUnknown, LastError = e.Reason, UpdatedAt = e.At },
        OrderNeverAccepted e => order with { State = OrderState.NeverAccepted, LastError = e.Reason, UpdatedAt = e.At },
        OrderStatusChanged e => order with { State = e.State, UpdatedAt = e.At },
        OrderStatusForced e => order with { State = e.To, BrokerOrderId = e.BrokerOrderId ?? order.BrokerOrderId, LastError = e.Reason, UpdatedAt = e.At },
        OrderFilled e => order with
        {
            Fills = [.. order.Fills, new RecordedFill(e.ExecutionId, e.Quantity, e.Price, e.Commission, e.Time, e.Synthetic)],
            UpdatedAt = e.Time > order.UpdatedAt ? e.Time : order.UpdatedAt,
        },
        _ => order,
    };

    public static TrackedOrder Create(OrderSubmitted e) => new(e.ClientOrderId, e.AccountId, e.Sleeve, e.RebalanceId, e.Leg, e.Symbol, e.Side, e.Quantity,
        e.Type, e.TimeInForce, e.LimitPrice, e.StopPrice, e.ReferencePrice, e.ReducesExposure, e.Reason, OrderState.PendingSubmit, null, [], e.At, e.At, null, false);

    /// <summary>An order found at the broker only: sleeve <c>unknown</c>, rebalance <c>broker</c>.</summary>
    public static TrackedOrder Create(UnknownBrokerOrderAdopted e, string accountId) => new(e.ClientOrderId, accountId, UnknownSleeve, "broker", "adopted", e.Symbol, e.Side, e.Quantity,
        e.Type, e.TimeInForce, e.LimitPrice, e.StopPrice, 0m, false, "found at the broker", e.State, e.BrokerOrderId, [], e.CreatedAt, e.At, null, true);

    /// <summary>The sleeve of orders adopted from the broker.</summary>
    public const string UnknownSleeve = "unknown";

    private TrackedOrder Put(TrackedOrder order)
    {
        _orders[order.ClientOrderId] = order;
        foreach (var fill in order.Fills) _orderOfExecution[fill.ExecutionId] = order.ClientOrderId;
        return order;
    }

    private static string ClientOrderIdOf(object @event) => @event switch
    {
        OrderFilled e => e.ClientOrderId,
        OrderAccepted e => e.ClientOrderId,
        OrderSubmitRejected e => e.ClientOrderId,
        OrderSubmitUncertain e => e.ClientOrderId,
        OrderNeverAccepted e => e.ClientOrderId,
        OrderStatusChanged e => e.ClientOrderId,
        OrderStatusForced e => e.ClientOrderId,
        _ => throw new ArgumentException($"{@event.GetType().Name} is not about one order.", nameof(@event)),
    };
}
