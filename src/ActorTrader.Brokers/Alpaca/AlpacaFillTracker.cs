using System.Globalization;
using ActorTrader.Brokers.Abstractions;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Brokers.Alpaca;

/// <summary>
/// What the trade-updates consumer has been told about each order: cumulative filled quantity, average price, status.
/// While the stream is down, REST polls are compared with it and the difference becomes synthesized updates: a fill of
/// the quantity that filled meanwhile, at the price implied by the averages, with execution id
/// <c>{order id}:{cumulative filled qty}</c>; and the terminal status (canceled, expired, rejected, replaced) if one was
/// reached. A real stream fill that a synthesized one already covered is passed on with the synthesized execution id,
/// so consumers that de-duplicate on execution ids count it once; a stream fill whose cumulative quantity skips fills never
/// reported is preceded by one synthesized fill for them. A submit is expected by its client order id before it
/// is sent, so an order whose answer is still in flight (or was lost) is followed from zero when a poll finds it.
/// Not thread-safe: the broker serialises calls.
/// </summary>
internal sealed class AlpacaFillTracker
{
    // Orders that ended this long ago are forgotten; a repeat of their updates is no longer expected.
    private static readonly TimeSpan Retention = TimeSpan.FromDays(2);

    private readonly Dictionary<string, OrderState> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _expected = new(StringComparer.Ordinal);

    /// <summary>A submit with <paramref name="clientOrderId"/> is about to be sent at <paramref name="sentAt"/>.</summary>
    public void Expect(string clientOrderId, DateTimeOffset sentAt) => _expected[clientOrderId] = sentAt;

    /// <summary>The submit was certainly refused: no order will carry <paramref name="clientOrderId"/>.</summary>
    public void Forget(string clientOrderId) => _expected.Remove(clientOrderId);

    /// <summary>Starts following an order this broker placed (no-op when it is already followed).</summary>
    public void Track(BrokerOrder order)
    {
        _expected.Remove(order.ClientOrderId);
        if (!_orders.ContainsKey(order.BrokerOrderId)) _orders[order.BrokerOrderId] = new OrderState(order);
    }

    /// <summary>
    /// Records a stream update and returns what to publish for it: the update itself (with the synthesized execution id
    /// when a poll already reported that fill, and its quantity derived when Alpaca left it out), preceded by a synthesized
    /// fill when the update shows that earlier fills were never reported (they happened while the stream was reconnecting
    /// and no poll caught them).
    /// </summary>
    public IReadOnlyList<TradeUpdate> OnStreamUpdate(TradeUpdate update)
    {
        var order = update.Order;
        _expected.Remove(order.ClientOrderId);
        var isFill = update.Event is TradeUpdateEvent.Fill or TradeUpdateEvent.PartialFill;
        if (!_orders.TryGetValue(order.BrokerOrderId, out var state))
        {
            // First sight of the order: what filled before this update was reported before it.
            var before = isFill && update.Quantity is { } first ? order.FilledQuantity - first : order.FilledQuantity;
            state = new OrderState(order) { Filled = Math.Max(0m, before), AveragePrice = null };
            _orders[order.BrokerOrderId] = state;
        }
        if (!isFill)
        {
            state.Observe(order);
            return [update];
        }
        var published = new List<TradeUpdate>(2);
        var quantity = update.Quantity ?? Math.Max(0m, order.FilledQuantity - state.Filled);
        var filledBefore = order.FilledQuantity - quantity;
        if (filledBefore > state.Filled) published.Add(Gap(state, update, quantity, filledBefore));
        var covering = state.Synthesized.FirstOrDefault(s => s.From < order.FilledQuantity && order.FilledQuantity <= s.To);
        published.Add(update with { Quantity = quantity, ExecutionId = covering?.ExecutionId ?? update.ExecutionId });
        state.Observe(order);
        return published;
    }

    /// <summary>
    /// The updates a polled <paramref name="order"/> implies. Orders not followed are taken up from zero when created after
    /// <paramref name="downSince"/>, expected by their client order id, or replacing a followed order; older ones are only
    /// followed from now (their earlier fills are reconciliation's business).
    /// </summary>
    public IReadOnlyList<TradeUpdate> OnPolled(BrokerOrder order, DateTimeOffset downSince)
    {
        if (!_orders.TryGetValue(order.BrokerOrderId, out var state))
        {
            var fresh = _expected.Remove(order.ClientOrderId) || order.CreatedAt >= downSince
                        || (order.Replaces is { } replaced && _orders.ContainsKey(replaced));
            state = fresh ? new OrderState(order) { Filled = 0m, AveragePrice = null, Status = OrderStatus.New } : new OrderState(order);
            _orders[order.BrokerOrderId] = state;
        }
        var updates = new List<TradeUpdate>(2);
        if (order.FilledQuantity > state.Filled)
        {
            var delta = order.FilledQuantity - state.Filled;
            var price = state.AveragePrice is { } before && order.FilledAveragePrice is { } after && state.Filled > 0
                ? (after * order.FilledQuantity - before * state.Filled) / delta
                : order.FilledAveragePrice;
            var executionId = SynthesizedExecutionId(order.BrokerOrderId, order.FilledQuantity);
            var complete = order.Status == OrderStatus.Filled || order.FilledQuantity >= order.Quantity;
            state.Synthesized.Add(new Synthesis(state.Filled, order.FilledQuantity, executionId));
            updates.Add(new TradeUpdate(complete ? TradeUpdateEvent.Fill : TradeUpdateEvent.PartialFill, order,
                order.FilledAt ?? order.UpdatedAt, price, delta, PositionQuantity: null, executionId));
        }
        if (state.Status != order.Status && AlpacaTradeEvents.ForTerminalStatus(order.Status) is { } ended)
            updates.Add(new TradeUpdate(ended, order, order.UpdatedAt));
        state.Observe(order);
        return updates;
    }

    /// <summary>
    /// Where a poll must start so it sees every order that may have changed: the earliest creation of an open followed
    /// order or sending of an expected one, or <paramref name="downSince"/>, less a second for clock skew between here and Alpaca.
    /// </summary>
    public DateTimeOffset PollWindowStart(DateTimeOffset downSince)
    {
        var earliest = downSince;
        foreach (var state in _orders.Values)
        {
            if (state.Status.IsOpen() && state.CreatedAt < earliest) earliest = state.CreatedAt;
        }
        foreach (var sentAt in _expected.Values)
        {
            if (sentAt < earliest) earliest = sentAt;
        }
        return earliest - TimeSpan.FromSeconds(1);
    }

    /// <summary>Forgets orders that ended, and expectations made, more than two days before <paramref name="now"/>.</summary>
    public void Prune(DateTimeOffset now)
    {
        foreach (var id in _orders.Where(p => p.Value.Status.IsTerminal() && now - p.Value.UpdatedAt > Retention).Select(p => p.Key).ToList())
            _orders.Remove(id);
        foreach (var clientOrderId in _expected.Where(p => now - p.Value > Retention).Select(p => p.Key).ToList())
            _expected.Remove(clientOrderId);
    }

    // The fills between what was reported and this execution, as one: the order as it stood before this execution, and the
    // price the averages imply (unknown when an average is missing).
    private static TradeUpdate Gap(OrderState state, TradeUpdate update, decimal quantity, decimal filledBefore)
    {
        var order = update.Order;
        var gap = filledBefore - state.Filled;
        decimal? averageBefore = order.FilledAveragePrice is { } after && update.Price is { } price
            ? (after * order.FilledQuantity - price * quantity) / filledBefore
            : null;
        decimal? gapPrice = averageBefore is { } average && (state.Filled == 0 || state.AveragePrice is not null)
            ? (average * filledBefore - (state.AveragePrice ?? 0m) * state.Filled) / gap
            : null;
        var executionId = SynthesizedExecutionId(order.BrokerOrderId, filledBefore);
        state.Synthesized.Add(new Synthesis(state.Filled, filledBefore, executionId));
        var asItStood = order with { FilledQuantity = filledBefore, FilledAveragePrice = averageBefore, Status = OrderStatus.PartiallyFilled };
        return new TradeUpdate(TradeUpdateEvent.PartialFill, asItStood, update.Timestamp, gapPrice, gap, PositionQuantity: null, executionId);
    }

    /// <summary>The execution id of a fill synthesized from a poll: the order id and the cumulative filled quantity.</summary>
    public static string SynthesizedExecutionId(string brokerOrderId, decimal cumulativeFilled) =>
        $"{brokerOrderId}:{cumulativeFilled.ToString("0.############################", CultureInfo.InvariantCulture)}";

    private sealed record Synthesis(decimal From, decimal To, string ExecutionId);

    private sealed class OrderState(BrokerOrder order)
    {
        public DateTimeOffset CreatedAt { get; } = order.CreatedAt;

        public DateTimeOffset UpdatedAt { get; private set; } = order.UpdatedAt;

        public decimal Filled { get; set; } = order.FilledQuantity;

        public decimal? AveragePrice { get; set; } = order.FilledAveragePrice;

        public OrderStatus Status { get; set; } = order.Status;

        public List<Synthesis> Synthesized { get; } = [];

        public void Observe(BrokerOrder order)
        {
            if (order.FilledQuantity >= Filled)
            {
                Filled = order.FilledQuantity;
                AveragePrice = order.FilledAveragePrice;
            }
            Status = order.Status;
            if (order.UpdatedAt > UpdatedAt) UpdatedAt = order.UpdatedAt;
        }
    }
}
