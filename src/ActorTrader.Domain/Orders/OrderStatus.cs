namespace ActorTrader.Domain.Orders;

/// <summary>
/// Where an order is in its life, with Alpaca's names (<see cref="OrderWireNames"/> maps them to <c>partially_filled</c>
/// etc.). <see cref="OrderStatusExtensions.IsTerminal"/> says which statuses end an order.
/// </summary>
public enum OrderStatus
{
    New,
    Accepted,
    PendingNew,
    PartiallyFilled,
    Filled,
    Canceled,
    Expired,
    Rejected,
    Replaced,
    PendingCancel,
    PendingReplace,
    DoneForDay,
    Stopped,
    Suspended,
    Calculated,
}
