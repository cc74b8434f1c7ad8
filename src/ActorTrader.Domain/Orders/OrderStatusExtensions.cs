namespace ActorTrader.Domain.Orders;

/// <summary>Questions about an <see cref="OrderStatus"/> that every order-handling component asks the same way.</summary>
public static class OrderStatusExtensions
{
    /// <summary>
    /// True when the order can never fill again: filled, canceled, expired, rejected or replaced (a replacement is a new
    /// order). <c>done_for_day</c>, <c>stopped</c>, <c>suspended</c> and <c>calculated</c> are not terminal: Alpaca may
    /// still move such an order on.
    /// </summary>
    public static bool IsTerminal(this OrderStatus status) => status is
        OrderStatus.Filled or OrderStatus.Canceled or OrderStatus.Expired or OrderStatus.Rejected or OrderStatus.Replaced;

    /// <summary>True while the order may still fill (every status that is not terminal).</summary>
    public static bool IsOpen(this OrderStatus status) => !status.IsTerminal();
}
