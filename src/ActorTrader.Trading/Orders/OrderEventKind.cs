using System.Text.Json.Serialization;
using ActorTrader.Brokers.Abstractions;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Trading.Orders;

/// <summary>
/// What can happen to an order: the outcome of a submit known only locally (<see cref="SubmitUncertain"/>,
/// <see cref="SubmitRejected"/>, <see cref="NotFoundAtBroker"/>) and Alpaca's trade-update events
/// (<see cref="TradeUpdateEvent"/>), where <see cref="Accepted"/> also stands for a broker answer with status
/// <c>accepted</c>. The inputs of <see cref="OrderStateMachine"/>.
/// </summary>
[JsonConverter(typeof(WireEnumConverter<OrderEventKind>))]
public enum OrderEventKind
{
    /// <summary>The submit timed out or met a duplicate client order id: the broker may have the order.</summary>
    SubmitUncertain,

    /// <summary>The broker refused the submit: nothing was placed.</summary>
    SubmitRejected,

    /// <summary>Asked by client order id, the broker does not know the order (after the grace period): it was never accepted.</summary>
    NotFoundAtBroker,

    PendingNew,
    Accepted,
    New,
    PartialFill,
    Fill,
    DoneForDay,
    Canceled,
    Expired,
    Replaced,
    Rejected,
    PendingCancel,
    PendingReplace,
    Stopped,
    Suspended,
    Calculated,

    /// <summary>Alpaca's <c>order_cancel_rejected</c>: the cancel did not happen.</summary>
    CancelRejected,

    /// <summary>Alpaca's <c>order_replace_rejected</c>: the replace did not happen.</summary>
    ReplaceRejected,
}

/// <summary>Maps broker inputs to <see cref="OrderEventKind"/>.</summary>
public static class OrderEventKinds
{
    public static OrderEventKind From(TradeUpdateEvent update) => update switch
    {
        TradeUpdateEvent.New => OrderEventKind.New,
        TradeUpdateEvent.Fill => OrderEventKind.Fill,
        TradeUpdateEvent.PartialFill => OrderEventKind.PartialFill,
        TradeUpdateEvent.Canceled => OrderEventKind.Canceled,
        TradeUpdateEvent.Expired => OrderEventKind.Expired,
        TradeUpdateEvent.DoneForDay => OrderEventKind.DoneForDay,
        TradeUpdateEvent.Replaced => OrderEventKind.Replaced,
        TradeUpdateEvent.Rejected => OrderEventKind.Rejected,
        TradeUpdateEvent.PendingNew => OrderEventKind.PendingNew,
        TradeUpdateEvent.Stopped => OrderEventKind.Stopped,
        TradeUpdateEvent.PendingCancel => OrderEventKind.PendingCancel,
        TradeUpdateEvent.PendingReplace => OrderEventKind.PendingReplace,
        TradeUpdateEvent.Calculated => OrderEventKind.Calculated,
        TradeUpdateEvent.Suspended => OrderEventKind.Suspended,
        TradeUpdateEvent.OrderReplaceRejected => OrderEventKind.ReplaceRejected,
        TradeUpdateEvent.OrderCancelRejected => OrderEventKind.CancelRejected,
        _ => throw new ArgumentOutOfRangeException(nameof(update), update, $"Trade update event {(int)update} is unknown. Fix: map it in OrderEventKinds.From."),
    };

    /// <summary>The event a broker answer with <paramref name="status"/> (a submit reply or a query) amounts to.</summary>
    public static OrderEventKind From(OrderStatus status) => status switch
    {
        OrderStatus.New => OrderEventKind.New,
        OrderStatus.Accepted => OrderEventKind.Accepted,
        OrderStatus.PendingNew => OrderEventKind.PendingNew,
        OrderStatus.PartiallyFilled => OrderEventKind.PartialFill,
        OrderStatus.Filled => OrderEventKind.Fill,
        OrderStatus.Canceled => OrderEventKind.Canceled,
        OrderStatus.Expired => OrderEventKind.Expired,
        OrderStatus.Rejected => OrderEventKind.Rejected,
        OrderStatus.Replaced => OrderEventKind.Replaced,
        OrderStatus.PendingCancel => OrderEventKind.PendingCancel,
        OrderStatus.PendingReplace => OrderEventKind.PendingReplace,
        OrderStatus.DoneForDay => OrderEventKind.DoneForDay,
        OrderStatus.Stopped => OrderEventKind.Stopped,
        OrderStatus.Suspended => OrderEventKind.Suspended,
        OrderStatus.Calculated => OrderEventKind.Calculated,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, $"Broker order status {(int)status} is unknown. Fix: map it in OrderEventKinds.From."),
    };

    /// <summary>The snake_case name (<c>partial_fill</c>, <c>cancel_rejected</c>).</summary>
    public static string ToWire(this OrderEventKind kind) => WireNames.Of(kind);
}
