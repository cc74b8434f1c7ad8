using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Brokers.Abstractions;

/// <summary>An order as the broker reports it (Alpaca's order object, the fields trading uses). Instants are UTC.</summary>
public sealed record BrokerOrder(
    string BrokerOrderId,
    string ClientOrderId,
    Symbol Symbol,
    OrderSide Side,
    OrderType Type,
    TimeInForce TimeInForce,
    decimal Quantity,
    decimal FilledQuantity,
    decimal? FilledAveragePrice,
    decimal? LimitPrice,
    decimal? StopPrice,
    OrderStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FilledAt = null,
    string? ReplacedBy = null,
    string? Replaces = null)
{
    public decimal RemainingQuantity => Quantity - FilledQuantity;
}
