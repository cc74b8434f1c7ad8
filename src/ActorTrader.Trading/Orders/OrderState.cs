using System.Text.Json.Serialization;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Trading.Orders;

/// <summary>
/// Where an order is, as the order manager tracks it: Alpaca's statuses (<see cref="OrderStatus"/>, same names) plus
/// three local ones — <see cref="PendingSubmit"/> (journaled, the broker has not answered), <see cref="SubmitUnknown"/>
/// (the submit's outcome is ambiguous: resolved by asking the broker for the client order id) and
/// <see cref="NeverAccepted"/> (the broker never had it). Journaled as snake_case names (<c>pending_submit</c>,
/// <c>partially_filled</c>); never rename a member.
/// </summary>
[JsonConverter(typeof(WireEnumConverter<OrderState>))]
public enum OrderState
{
    PendingSubmit,
    SubmitUnknown,
    PendingNew,
    Accepted,
    New,
    PartiallyFilled,
    DoneForDay,
    PendingCancel,
    PendingReplace,
    Stopped,
    Suspended,
    Calculated,
    Filled,
    Canceled,
    Expired,
    Replaced,
    Rejected,
    NeverAccepted,
}

/// <summary>Questions about an <see cref="OrderState"/>.</summary>
public static class OrderStateExtensions
{
    /// <summary>True when the order can never fill again (Alpaca's terminal statuses plus <see cref="OrderState.NeverAccepted"/>).</summary>
    public static bool IsTerminal(this OrderState state) => state is
        OrderState.Filled or OrderState.Canceled or OrderState.Expired or OrderState.Replaced or OrderState.Rejected or OrderState.NeverAccepted;

    public static bool IsOpen(this OrderState state) => !state.IsTerminal();

    /// <summary>True before the broker confirmed it has the order: the outcome of the submit is not known yet.</summary>
    public static bool IsAwaitingBroker(this OrderState state) => state is OrderState.PendingSubmit or OrderState.SubmitUnknown;

    /// <summary>The state that mirrors a broker status.</summary>
    public static OrderState FromBroker(OrderStatus status) => status switch
    {
        OrderStatus.New => OrderState.New,
        OrderStatus.Accepted => OrderState.Accepted,
        OrderStatus.PendingNew => OrderState.PendingNew,
        OrderStatus.PartiallyFilled => OrderState.PartiallyFilled,
        OrderStatus.Filled => OrderState.Filled,
        OrderStatus.Canceled => OrderState.Canceled,
        OrderStatus.Expired => OrderState.Expired,
        OrderStatus.Rejected => OrderState.Rejected,
        OrderStatus.Replaced => OrderState.Replaced,
        OrderStatus.PendingCancel => OrderState.PendingCancel,
        OrderStatus.PendingReplace => OrderState.PendingReplace,
        OrderStatus.DoneForDay => OrderState.DoneForDay,
        OrderStatus.Stopped => OrderState.Stopped,
        OrderStatus.Suspended => OrderState.Suspended,
        OrderStatus.Calculated => OrderState.Calculated,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, $"Broker order status {(int)status} is not a known status. Fix: map it in OrderStateExtensions.FromBroker."),
    };

    /// <summary>The snake_case name used in journals, logs and the API (<c>pending_submit</c>, <c>partially_filled</c>).</summary>
    public static string ToWire(this OrderState state) => WireNames.Of(state);
}
