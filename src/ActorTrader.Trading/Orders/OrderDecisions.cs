using System.Globalization;
using ActorTrader.Brokers.Abstractions;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Trading.Orders;

/// <summary>
/// Turns broker news (a whole order from a submit reply or a query, a trade update) into the events that bring one
/// tracked order to the broker's truth. Pure: the order manager journals what these return.
/// </summary>
/// <remarks>
/// Fills are reconciled on the broker's cumulative filled quantity: an execution id seen before changes nothing, an
/// execution the cumulative figure already covers (booked as a synthetic fill by a query) is not booked again, and a
/// cumulative figure above the book (a missed update) is booked as one synthetic fill priced so that the average
/// matches the broker's. So every unit the broker filled is booked exactly once, whichever way it was learned.
/// </remarks>
internal static class OrderDecisions
{
    /// <summary>Adopts the broker's view of the whole order: missing fills, then its status when the table allows it.</summary>
    public static OrderDecision ForBrokerOrder(TrackedOrder order, BrokerOrder broker, string source, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(broker);
        var events = new List<object>();
        var discrepancies = new List<OrderDiscrepancy>();
        var current = order;
        var cid = order.ClientOrderId;
        if (GapFill(current, broker.FilledQuantity, broker.FilledAveragePrice, 0m, 0m, broker.FilledAt ?? broker.UpdatedAt, source, discrepancies) is { } gap)
        {
            events.Add(gap);
            current = OrderBook.Evolve(current, gap);
            discrepancies.Add(new OrderDiscrepancy(cid, "missing-fills",
                $"the broker reports {Text(broker.FilledQuantity)} filled, the book had {Text(order.FilledQuantity)}; booked {Text(gap.Quantity)} at {Text(gap.Price)} as {gap.ExecutionId}."));
        }
        var brokerEvent = OrderEventKinds.From(broker.Status);
        var brokerState = OrderStateExtensions.FromBroker(broker.Status);
        if (broker.FilledQuantity < current.FilledQuantity)
        {
            // The answer predates fills the book already holds (it raced a trade update): its status is older too.
            discrepancies.Add(new OrderDiscrepancy(cid, "stale-broker-answer",
                $"the broker reports {Text(broker.FilledQuantity)} filled, fewer than the {Text(current.FilledQuantity)} booked here; its status {broker.Status.ToWire()} was not adopted."));
            if (current.BrokerOrderId is null) events.Add(new OrderAccepted(cid, broker.BrokerOrderId, brokerEvent, current.State, source, now));
            return new OrderDecision(events, discrepancies, null, false);
        }
        if (brokerState == current.State)
        {
            if (current.BrokerOrderId is null) events.Add(new OrderAccepted(cid, broker.BrokerOrderId, brokerEvent, current.State, source, now));
        }
        else if (OrderStateMachine.TryNext(current.State, brokerEvent, current.FilledQuantity > 0, out var to))
        {
            if (current.BrokerOrderId is null) events.Add(new OrderAccepted(cid, broker.BrokerOrderId, brokerEvent, to, source, now));
            else if (to != current.State) events.Add(new OrderStatusChanged(cid, brokerEvent, to, source, now));
        }
        else if (current.State.IsTerminal() && current.State != OrderState.NeverAccepted)
        {
            discrepancies.Add(new OrderDiscrepancy(cid, "final-state-kept",
                $"the book has it {current.State.ToWire()} (final) and the broker reports {broker.Status.ToWire()}; the final state is kept."));
            if (current.BrokerOrderId is null) events.Add(new OrderAccepted(cid, broker.BrokerOrderId, brokerEvent, current.State, source, now));
        }
        else
        {
            var reason = $"the broker reports {broker.Status.ToWire()} while the book had {current.State.ToWire()}, a step the order state machine does not allow; the broker's status is adopted.";
            events.Add(new OrderStatusForced(cid, broker.BrokerOrderId, current.State, brokerState, reason, source, now));
            discrepancies.Add(new OrderDiscrepancy(cid, "status-forced", reason));
        }
        return new OrderDecision(events, discrepancies, null, false);
    }

    /// <summary>Applies one trade update: its execution (once per execution id), missed fills, then the status via the table.</summary>
    public static OrderDecision ForTradeUpdate(TrackedOrder order, TradeUpdate update, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(update);
        var evt = OrderEventKinds.From(update.Event);
        var events = new List<object>();
        var discrepancies = new List<OrderDiscrepancy>();
        var (current, repeat) = Fills(order, update, events, discrepancies);
        if (repeat) return OrderDecision.Repeated;
        if (!OrderStateMachine.TryNext(current.State, evt, current.FilledQuantity > 0, out var to))
        {
            // A fill the book already holds in full, arriving late (after a query booked it): nothing new, no alarm.
            if (evt is OrderEventKind.Fill or OrderEventKind.PartialFill && events.Count == 0) return OrderDecision.Repeated;
            return new OrderDecision(events, discrepancies, new IllegalOrderTransitionException(order.ClientOrderId, current.State, evt), false);
        }
        if (current.BrokerOrderId is null) events.Add(new OrderAccepted(order.ClientOrderId, update.Order.BrokerOrderId, evt, to, OrderEvents.FromStream, now));
        else if (to != current.State) events.Add(new OrderStatusChanged(order.ClientOrderId, evt, to, OrderEvents.FromStream, now));
        return new OrderDecision(events, discrepancies, null, false);
    }

    /// <summary>An order the book never had, reported by the broker (open-order listing): adopted with its fills, as a discrepancy.</summary>
    public static OrderDecision ForUnknownOrder(string accountId, BrokerOrder broker, string source, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(broker);
        var adopted = Adoption(broker, OrderStateExtensions.FromBroker(broker.Status), source, now);
        var events = new List<object> { adopted };
        var discrepancies = new List<OrderDiscrepancy> { UnknownOrder(adopted) };
        var current = OrderBook.Create(adopted, accountId);
        if (GapFill(current, broker.FilledQuantity, broker.FilledAveragePrice, 0m, 0m, broker.FilledAt ?? broker.UpdatedAt, source, discrepancies) is { } gap)
            events.Add(gap);
        return new OrderDecision(events, discrepancies, null, false);
    }

    /// <summary>A trade update for an order the book never had: adopted in the state the update reports, with its fills.</summary>
    public static OrderDecision ForUnknownTradeUpdate(string accountId, TradeUpdate update, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(update);
        var adopted = Adoption(update.Order, OrderStateExtensions.FromBroker(update.Order.Status), OrderEvents.FromStream, now);
        var events = new List<object> { adopted };
        var discrepancies = new List<OrderDiscrepancy> { UnknownOrder(adopted) };
        Fills(OrderBook.Create(adopted, accountId), update, events, discrepancies);
        return new OrderDecision(events, discrepancies, null, false);
    }

    /// <summary>The client order id the book uses for a broker order (its own id when the broker has none).</summary>
    public static string ClientOrderIdOf(BrokerOrder broker)
    {
        ArgumentNullException.ThrowIfNull(broker);
        return string.IsNullOrWhiteSpace(broker.ClientOrderId) ? "broker-" + broker.BrokerOrderId : broker.ClientOrderId;
    }

    /// <summary>Fill events of a trade update (appended to <paramref name="events"/>); the order after them, or a repeat.</summary>
    private static (TrackedOrder Order, bool Repeat) Fills(TrackedOrder order, TradeUpdate update, List<object> events, List<OrderDiscrepancy> discrepancies)
    {
        var broker = update.Order;
        var current = order;
        var isFill = update.Event is TradeUpdateEvent.Fill or TradeUpdateEvent.PartialFill;
        if (isFill && update.Quantity is { } quantity && quantity > 0 && update.Price is { } price && price > 0)
        {
            var executionId = update.ExecutionId ?? $"{broker.BrokerOrderId}:{Text(broker.FilledQuantity)}";
            if (current.HasExecution(executionId)) return (current, true);
            // The order's cumulative filled quantity after this execution; a snapshot without it trusts the execution.
            var cumulative = broker.FilledQuantity >= quantity ? broker.FilledQuantity : current.FilledQuantity + quantity;
            if (GapFill(current, cumulative, broker.FilledAveragePrice, quantity, quantity * price, update.Timestamp, OrderEvents.FromStream, discrepancies) is { } gap)
            {
                events.Add(gap);
                current = OrderBook.Evolve(current, gap);
            }
            var take = Math.Min(quantity, cumulative - current.FilledQuantity);
            if (take > 0)
            {
                var commission = take == quantity ? update.Commission : Math.Round(update.Commission * take / quantity, 8, MidpointRounding.ToEven);
                var filled = new OrderFilled(order.ClientOrderId, executionId, take, price, commission, update.Timestamp, OrderEvents.FromStream, Synthetic: false);
                events.Add(filled);
                current = OrderBook.Evolve(current, filled);
            }
            return (current, false);
        }
        // Status updates (and fills without price or quantity) still carry the order's cumulative fills.
        if (GapFill(current, broker.FilledQuantity, broker.FilledAveragePrice, 0m, 0m, update.Timestamp, OrderEvents.FromStream, discrepancies) is { } missed)
        {
            events.Add(missed);
            current = OrderBook.Evolve(current, missed);
        }
        return (current, false);
    }

    /// <summary>
    /// A synthetic fill for what the broker filled (<paramref name="cumulative"/> minus the execution being booked) beyond
    /// the book, priced so the order's average matches the broker's; null when nothing is missing or no price is known.
    /// </summary>
    private static OrderFilled? GapFill(TrackedOrder order, decimal cumulative, decimal? averagePrice, decimal excludedQuantity, decimal excludedNotional,
        DateTimeOffset time, string source, List<OrderDiscrepancy> discrepancies)
    {
        var local = order.FilledQuantity;
        var target = cumulative - excludedQuantity;
        if (target <= local) return null;
        var gap = target - local;
        decimal? price = null;
        if (averagePrice is { } average && average > 0)
        {
            var derived = Math.Round((average * cumulative - excludedNotional - order.FilledNotional) / gap, 8, MidpointRounding.ToEven);
            price = derived > 0 ? derived : average;
        }
        else if (excludedQuantity > 0 && excludedNotional > 0)
        {
            price = excludedNotional / excludedQuantity;
        }
        if (price is not { } fillPrice)
        {
            discrepancies.Add(new OrderDiscrepancy(order.ClientOrderId, "fill-without-price",
                $"the broker reports {Text(target)} filled, the book has {Text(local)}, and no average price: the missing {Text(gap)} could not be booked (the ledger's position reconciliation adopts the broker's position)."));
            return null;
        }
        return new OrderFilled(order.ClientOrderId, $"synthetic:{order.ClientOrderId}:{Text(local)}-{Text(target)}", gap, fillPrice, 0m, time, source, Synthetic: true);
    }

    private static UnknownBrokerOrderAdopted Adoption(BrokerOrder broker, OrderState state, string source, DateTimeOffset now) =>
        new(ClientOrderIdOf(broker), broker.BrokerOrderId, broker.Symbol, broker.Side, broker.Quantity, broker.Type, broker.TimeInForce,
            broker.LimitPrice, broker.StopPrice, state, broker.CreatedAt, source, now);

    private static OrderDiscrepancy UnknownOrder(UnknownBrokerOrderAdopted adopted) => new(adopted.ClientOrderId, "unknown-broker-order",
        $"the broker has order {adopted.BrokerOrderId} ({adopted.Side.ToWire()} {Text(adopted.Quantity)} {adopted.Symbol}, {adopted.State.ToWire()}) that this book never placed; it is tracked from now on (sleeve {OrderBook.UnknownSleeve}).");

    /// <summary>A quantity or price as invariant text without trailing zeros (stable in ids).</summary>
    internal static string Text(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
