using System.Collections.Concurrent;
using ActorTrader.Actors;
using ActorTrader.Trading.Orders;

namespace ActorTrader.Node.Dashboard;

/// <summary>
/// The states each order went through while this node ran, heard from the order manager's <see cref="OrderChanged"/>
/// events on the event stream; the dashboard shows them beside the order. Bounded: the oldest orders are forgotten first.
/// </summary>
internal sealed class OrderHistory
{
    public const int MaxOrders = 2000;
    public const int MaxStatesPerOrder = 16;

    private readonly ConcurrentDictionary<string, List<DashboardOrderState>> _states = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public void Record(string clientOrderId, string status, DateTimeOffset at)
    {
        var states = _states.GetOrAdd(clientOrderId, id =>
        {
            _order.Enqueue(id);
            return [];
        });
        lock (states)
        {
            if (states.Count > 0 && states[^1].Status == status) return;
            if (states.Count == MaxStatesPerOrder) states.RemoveAt(1);
            states.Add(new DashboardOrderState(status, at));
        }
        while (_order.Count > MaxOrders && _order.TryDequeue(out var oldest)) _states.TryRemove(oldest, out _);
    }

    /// <summary>The states seen of an order, oldest first, ending with <paramref name="current"/> when the events missed it (e.g. orders of an earlier run).</summary>
    public IReadOnlyList<DashboardOrderState> Of(string clientOrderId, string current, DateTimeOffset updatedAt)
    {
        if (!_states.TryGetValue(clientOrderId, out var states)) return [new DashboardOrderState(current, updatedAt)];
        lock (states)
        {
            return states.Count > 0 && states[^1].Status == current ? [.. states] : [.. states, new DashboardOrderState(current, updatedAt)];
        }
    }

    /// <summary>The actor that feeds <paramref name="history"/> from the event stream.</summary>
    public static Props Listener(OrderHistory history) => Props.Create(() => new OrderHistoryListener(history));

    private sealed class OrderHistoryListener : ReceiveActor
    {
        public OrderHistoryListener(OrderHistory history)
        {
            Receive<OrderChanged>(changed => history.Record(changed.Order.ClientOrderId, changed.Order.Status.ToWire(), changed.Order.UpdatedAt));
        }

        protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(OrderChanged));

        protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);
    }
}
