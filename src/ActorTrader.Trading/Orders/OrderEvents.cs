using System.Text.Json.Serialization;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;
using ActorTrader.Persistence.Serialization;

namespace ActorTrader.Trading.Orders;

// The order manager's journal (persistence id orders-<account>). Each event records the resulting state, so replay
// never consults the transition table: a later, stricter table cannot make old journals unreadable.

/// <summary>Journaled before the broker is called: the order exists, with the intent it came from. State pending_submit.</summary>
public sealed record OrderSubmitted(
    string ClientOrderId,
    string AccountId,
    string Sleeve,
    string RebalanceId,
    string Leg,
    [property: JsonConverter(typeof(SymbolJsonConverter))] Symbol Symbol,
    [property: JsonConverter(typeof(WireEnumConverter<OrderSide>))] OrderSide Side,
    decimal Quantity,
    [property: JsonConverter(typeof(WireEnumConverter<OrderType>))] OrderType Type,
    [property: JsonConverter(typeof(WireEnumConverter<TimeInForce>))] TimeInForce TimeInForce,
    decimal? LimitPrice,
    decimal? StopPrice,
    decimal ReferencePrice,
    bool ReducesExposure,
    double? Confidence,
    string? Reason,
    DateTimeOffset At)
{
    public static OrderSubmitted From(OrderIntent intent, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(intent);
        return new OrderSubmitted(intent.ClientOrderId, intent.AccountId, intent.Sleeve, intent.RebalanceId, intent.Leg, intent.Symbol, intent.Side,
            intent.Quantity, intent.Type, intent.TimeInForce, intent.LimitPrice, intent.StopPrice, intent.ReferencePrice, intent.ReducesExposure,
            intent.Confidence, intent.Reason, at);
    }
}

/// <summary>The broker confirmed it has the order (submit reply, query or trade update): its id and the state that follows.</summary>
public sealed record OrderAccepted(string ClientOrderId, string BrokerOrderId, OrderEventKind Event, OrderState State, string Source, DateTimeOffset At);

/// <summary>The broker refused the submit (a definite answer): nothing was placed. State rejected.</summary>
public sealed record OrderSubmitRejected(string ClientOrderId, string Reason, int? StatusCode, string? ReasonCode, DateTimeOffset At);

/// <summary>The submit's outcome is unknown (timeout, duplicate client order id): resolved by a query. State submit_unknown.</summary>
public sealed record OrderSubmitUncertain(string ClientOrderId, string Reason, bool DuplicateClientOrderId, DateTimeOffset At);

/// <summary>The broker did not know the client order id after the grace period: the order was never accepted. State never_accepted.</summary>
public sealed record OrderNeverAccepted(string ClientOrderId, string Reason, DateTimeOffset At);

/// <summary>A legal transition (<see cref="OrderTransitions"/>) from a trade update, a query or reconciliation.</summary>
public sealed record OrderStatusChanged(string ClientOrderId, OrderEventKind Event, OrderState State, string Source, DateTimeOffset At);

/// <summary>A discrepancy resolved in the broker's favour: its status adopted although the table does not lead there.</summary>
public sealed record OrderStatusForced(string ClientOrderId, string? BrokerOrderId, OrderState From, OrderState To, string Reason, string Source, DateTimeOffset At);

/// <summary>
/// One execution of the order, booked once per <see cref="ExecutionId"/>. <see cref="Synthetic"/> fills stand for
/// executions the broker reports only as cumulative quantity (missed updates, reconciliation).
/// </summary>
public sealed record OrderFilled(string ClientOrderId, string ExecutionId, decimal Quantity, decimal Price, decimal Commission, DateTimeOffset Time, string Source, bool Synthetic);

/// <summary>The ledger confirmed it booked the execution: its at-least-once delivery is done.</summary>
public sealed record FillBookingConfirmed(string ExecutionId, long DeliveryId);

/// <summary>A discrepancy: an order at the broker this book did not know (placed elsewhere, or lost). Tracked from now on.</summary>
public sealed record UnknownBrokerOrderAdopted(
    string ClientOrderId,
    string BrokerOrderId,
    [property: JsonConverter(typeof(SymbolJsonConverter))] Symbol Symbol,
    [property: JsonConverter(typeof(WireEnumConverter<OrderSide>))] OrderSide Side,
    decimal Quantity,
    [property: JsonConverter(typeof(WireEnumConverter<OrderType>))] OrderType Type,
    [property: JsonConverter(typeof(WireEnumConverter<TimeInForce>))] TimeInForce TimeInForce,
    decimal? LimitPrice,
    decimal? StopPrice,
    OrderState State,
    DateTimeOffset CreatedAt,
    string Source,
    DateTimeOffset At);

/// <summary>Audit of one reconciliation of the orders with the broker (what changed is in the events before it).</summary>
public sealed record OrderReconciliationRecorded(
    string ReconciliationId, int Checked, int Changed, int FillsAdded, int UnknownAdopted, int NeverAccepted, IReadOnlyList<string> Discrepancies, DateTimeOffset At);

/// <summary>The stable manifest names of the order manager's events and snapshot; never rename one (old journals use it).</summary>
public static class OrderEvents
{
    /// <summary>Where an event came from (<see cref="OrderAccepted.Source"/> and others).</summary>
    public const string FromSubmit = "submit";
    public const string FromStream = "stream";
    public const string FromQuery = "query";
    public const string FromReconciliation = "reconciliation";

    public static EventSerializer Register(EventSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        return serializer
            .Register<OrderSubmitted>("order-submitted")
            .Register<OrderAccepted>("order-accepted")
            .Register<OrderSubmitRejected>("order-submit-rejected")
            .Register<OrderSubmitUncertain>("order-submit-uncertain")
            .Register<OrderNeverAccepted>("order-never-accepted")
            .Register<OrderStatusChanged>("order-status-changed")
            .Register<OrderStatusForced>("order-status-forced")
            .Register<OrderFilled>("order-filled")
            .Register<FillBookingConfirmed>("order-fill-booking-confirmed")
            .Register<UnknownBrokerOrderAdopted>("order-unknown-broker-order-adopted")
            .Register<OrderReconciliationRecorded>("order-reconciliation-recorded")
            .Register<OrderManagerSnapshot>("order-manager-snapshot");
    }
}
