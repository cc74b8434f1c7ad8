using ActorTrader.Brokers.Abstractions;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Brokers.Alpaca;

/// <summary>Alpaca's trade_updates <c>event</c> names ↔ <see cref="TradeUpdateEvent"/>.</summary>
internal static class AlpacaTradeEvents
{
    /// <summary>The event for <paramref name="name"/>, or null for a name Alpaca added after this was written.</summary>
    public static TradeUpdateEvent? TryParse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "new" => TradeUpdateEvent.New,
        "fill" => TradeUpdateEvent.Fill,
        "partial_fill" => TradeUpdateEvent.PartialFill,
        "canceled" => TradeUpdateEvent.Canceled,
        "expired" => TradeUpdateEvent.Expired,
        "done_for_day" => TradeUpdateEvent.DoneForDay,
        "replaced" => TradeUpdateEvent.Replaced,
        "rejected" => TradeUpdateEvent.Rejected,
        "pending_new" => TradeUpdateEvent.PendingNew,
        "stopped" => TradeUpdateEvent.Stopped,
        "pending_cancel" => TradeUpdateEvent.PendingCancel,
        "pending_replace" => TradeUpdateEvent.PendingReplace,
        "calculated" => TradeUpdateEvent.Calculated,
        "suspended" => TradeUpdateEvent.Suspended,
        "order_replace_rejected" => TradeUpdateEvent.OrderReplaceRejected,
        "order_cancel_rejected" => TradeUpdateEvent.OrderCancelRejected,
        _ => null,
    };

    /// <summary>The event that reports an order reaching <paramref name="status"/>, for statuses that end an order without a fill.</summary>
    public static TradeUpdateEvent? ForTerminalStatus(OrderStatus status) => status switch
    {
        OrderStatus.Canceled => TradeUpdateEvent.Canceled,
        OrderStatus.Expired => TradeUpdateEvent.Expired,
        OrderStatus.Rejected => TradeUpdateEvent.Rejected,
        OrderStatus.Replaced => TradeUpdateEvent.Replaced,
        _ => null,
    };
}
