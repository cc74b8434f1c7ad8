namespace ActorTrader.Trading.Orders;

/// <summary>
/// Applies <see cref="OrderTransitions"/>: the next state of an order for an event, or an
/// <see cref="IllegalOrderTransitionException"/> naming the order, its state and the event.
/// </summary>
public static class OrderStateMachine
{
    /// <summary>The state after <paramref name="event"/>; throws when the table does not allow it.</summary>
    /// <param name="hasFills">Whether the order has fills (a rejected cancel or replace then returns it to partially_filled).</param>
    public static OrderState Next(string clientOrderId, OrderState from, OrderEventKind @event, bool hasFills) =>
        TryNext(from, @event, hasFills, out var to) ? to : throw new IllegalOrderTransitionException(clientOrderId, from, @event);

    /// <summary>The state after <paramref name="event"/>, or false when the table does not allow it.</summary>
    public static bool TryNext(OrderState from, OrderEventKind @event, bool hasFills, out OrderState to)
    {
        if (!OrderTransitions.Table.TryGetValue((from, @event), out var target))
        {
            to = from;
            return false;
        }
        to = target.BackToWorking && hasFills ? OrderState.PartiallyFilled : target.State;
        return true;
    }

    public static bool IsLegal(OrderState from, OrderEventKind @event) => OrderTransitions.Table.ContainsKey((from, @event));
}
