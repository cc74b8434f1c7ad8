using ActorTrader.Actors;
using ActorTrader.Brokers.Abstractions;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Trading.Broker;

// The broker actor's public protocol. Every command is answered exactly once with its typed result: the value, or a
// BrokerFailure saying whether the broker certainly did not act (definite) or may have (ambiguous). Commands sent while
// the connection is (re)established wait in a buffer and run once it is up.

/// <summary>A call the broker actor makes on the connection.</summary>
public interface IBrokerCommand
{
    /// <summary>True when the call may run again after the connection broke mid-call (queries, cancels); submits and closes may not.</summary>
    bool RetrySafe { get; }

    /// <summary>The command's result message carrying <paramref name="failure"/>.</summary>
    object Failed(BrokerFailure failure);
}

/// <summary>Place an order; answered with <see cref="SubmitToBrokerResult"/>.</summary>
public sealed record SubmitToBroker(OrderRequest Request) : IBrokerCommand
{
    public bool RetrySafe => false;

    public object Failed(BrokerFailure failure) => new SubmitToBrokerResult(Request.ClientOrderId, null, failure);
}

/// <summary>The order as the broker accepted it, or why not.</summary>
public sealed record SubmitToBrokerResult(string ClientOrderId, BrokerOrder? Order, BrokerFailure? Failure);

/// <summary>Ask the broker to cancel an order; answered with <see cref="CancelAtBrokerResult"/> (the outcome arrives as a trade update).</summary>
public sealed record CancelAtBroker(string ClientOrderId, string BrokerOrderId) : IBrokerCommand
{
    public bool RetrySafe => true;

    public object Failed(BrokerFailure failure) => new CancelAtBrokerResult(ClientOrderId, BrokerOrderId, failure);
}

public sealed record CancelAtBrokerResult(string ClientOrderId, string BrokerOrderId, BrokerFailure? Failure);

/// <summary>Ask the broker to cancel every open order; answered with <see cref="CancelAllAtBrokerResult"/>.</summary>
public sealed record CancelAllAtBroker(string RequestId) : IBrokerCommand
{
    public bool RetrySafe => true;

    public object Failed(BrokerFailure failure) => new CancelAllAtBrokerResult(RequestId, failure);
}

public sealed record CancelAllAtBrokerResult(string RequestId, BrokerFailure? Failure);

/// <summary>Find an order by client order id; answered with <see cref="OrderByClientIdResult"/>.</summary>
public sealed record QueryOrderByClientId(string ClientOrderId) : IBrokerCommand
{
    public bool RetrySafe => true;

    public object Failed(BrokerFailure failure) => new OrderByClientIdResult(ClientOrderId, null, failure);
}

/// <summary>The order, or (Order and Failure both null) the broker does not know the client order id: it never accepted it.</summary>
public sealed record OrderByClientIdResult(string ClientOrderId, BrokerOrder? Order, BrokerFailure? Failure)
{
    public bool NotFound => Order is null && Failure is null;
}

/// <summary>List orders; answered with <see cref="BrokerOrdersResult"/>.</summary>
public sealed record GetBrokerOrders(OrderQuery Query) : IBrokerCommand
{
    public bool RetrySafe => true;

    public object Failed(BrokerFailure failure) => new BrokerOrdersResult(null, failure);
}

public sealed record BrokerOrdersResult(IReadOnlyList<BrokerOrder>? Orders, BrokerFailure? Failure);

/// <summary>The broker's positions; answered with <see cref="BrokerPositionsResult"/>.</summary>
public sealed record GetBrokerPositions : IBrokerCommand
{
    public static GetBrokerPositions Instance { get; } = new();

    public bool RetrySafe => true;

    public object Failed(BrokerFailure failure) => new BrokerPositionsResult(null, failure);
}

public sealed record BrokerPositionsResult(IReadOnlyList<BrokerPosition>? Positions, BrokerFailure? Failure);

/// <summary>The broker's account (cash, equity, buying power); answered with <see cref="BrokerAccountResult"/>.</summary>
public sealed record GetBrokerAccount : IBrokerCommand
{
    public static GetBrokerAccount Instance { get; } = new();

    public bool RetrySafe => true;

    public object Failed(BrokerFailure failure) => new BrokerAccountResult(null, failure);
}

public sealed record BrokerAccountResult(BrokerAccount? Account, BrokerFailure? Failure);

/// <summary>The broker's market clock; answered with <see cref="BrokerClockResult"/>.</summary>
public sealed record GetBrokerClock : IBrokerCommand
{
    public static GetBrokerClock Instance { get; } = new();

    public bool RetrySafe => true;

    public object Failed(BrokerFailure failure) => new BrokerClockResult(null, failure);
}

public sealed record BrokerClockResult(BrokerClock? Clock, BrokerFailure? Failure);

/// <summary>Close every position (the broker cancels open orders first); answered with <see cref="CloseAllAtBrokerResult"/>.</summary>
public sealed record CloseAllAtBroker(string RequestId) : IBrokerCommand
{
    public bool RetrySafe => false;

    public object Failed(BrokerFailure failure) => new CloseAllAtBrokerResult(RequestId, null, failure);
}

public sealed record CloseAllAtBrokerResult(string RequestId, IReadOnlyList<BrokerOrder>? Orders, BrokerFailure? Failure);

/// <summary>Close one position (all of it, or <see cref="Quantity"/>); answered with <see cref="ClosePositionAtBrokerResult"/>.</summary>
public sealed record ClosePositionAtBroker(Symbol Symbol, decimal? Quantity, string RequestId) : IBrokerCommand
{
    public bool RetrySafe => false;

    public object Failed(BrokerFailure failure) => new ClosePositionAtBrokerResult(RequestId, null, failure);
}

public sealed record ClosePositionAtBrokerResult(string RequestId, BrokerOrder? Order, BrokerFailure? Failure);

/// <summary>
/// Receive the trade updates as <see cref="BrokerTradeUpdate"/> and connection changes as <see cref="BrokerConnectionChanged"/>.
/// Updates that arrive while nobody subscribes wait for the first subscriber. Answered with <see cref="TradeUpdatesSubscribed"/>.
/// </summary>
public sealed record SubscribeTradeUpdates(IActorRef Subscriber);

public sealed record TradeUpdatesSubscribed(bool Connected, long Generation);

public sealed record UnsubscribeTradeUpdates(IActorRef Subscriber);

/// <summary>One trade update, sent to every subscriber in the order the broker produced them.</summary>
public sealed record BrokerTradeUpdate(TradeUpdate Update);

/// <summary>The connection came up (<see cref="Generation"/> counts connections since the broker actor started) or went down.</summary>
public sealed record BrokerConnectionChanged(bool Connected, long Generation, string Reason);

/// <summary>Asks for the connection state; answered with <see cref="BrokerStatus"/>.</summary>
public sealed record GetBrokerStatus
{
    public static GetBrokerStatus Instance { get; } = new();
}

/// <param name="Buffered">Commands waiting for the connection.</param>
/// <param name="InFlight">Calls made and not answered yet.</param>
public sealed record BrokerStatus(bool Connected, long Generation, string? BrokerName, bool IsLive, int Buffered, int InFlight);

/// <summary>Published on the event stream when a broker actor (re)starts, so subscribers can subscribe again.</summary>
public sealed record BrokerActorStarted(IActorRef Broker);
