namespace ActorTrader.Trading.Orders;

/// <summary>
/// An event arrived that the order's state does not allow (<see cref="OrderTransitions"/>): the local book and the
/// broker disagree. The order manager keeps its state, reports this, and asks the broker for the order's truth.
/// </summary>
public sealed class IllegalOrderTransitionException : InvalidOperationException
{
    public IllegalOrderTransitionException(string clientOrderId, OrderState from, OrderEventKind @event)
        : base($"Order {clientOrderId}: event {@event.ToWire()} is not allowed in state {from.ToWire()}. " +
               "Fix: the order manager re-reads the order from the broker (by client order id) and adopts its status; check the broker's order history if this repeats.")
    {
        ClientOrderId = clientOrderId;
        From = from;
        Event = @event;
    }

    public IllegalOrderTransitionException() : this("(unknown)", OrderState.PendingSubmit, OrderEventKind.SubmitUncertain) { }

    public IllegalOrderTransitionException(string message) : base(message) { ClientOrderId = "(unknown)"; }

    public IllegalOrderTransitionException(string message, Exception innerException) : base(message, innerException) { ClientOrderId = "(unknown)"; }

    public string ClientOrderId { get; }

    public OrderState From { get; }

    public OrderEventKind Event { get; }
}
