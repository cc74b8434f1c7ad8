using ActorTrader.Domain.Orders;

namespace ActorTrader.Brokers.Alpaca;

/// <summary>
/// An Alpaca order object as read, before its ticker is turned into a symbol (that may need the asset's exchange):
/// <see cref="Ticker"/>, <see cref="AssetId"/> and <see cref="AssetClass"/> are what Alpaca sent.
/// <see cref="Quantity"/> is null for a notional (dollar-amount) order.
/// </summary>
internal sealed record AlpacaOrderRecord(
    string Id,
    string ClientOrderId,
    string Ticker,
    string? AssetId,
    string? AssetClass,
    OrderSide Side,
    OrderType Type,
    TimeInForce TimeInForce,
    decimal? Quantity,
    decimal? Notional,
    decimal FilledQuantity,
    decimal? FilledAveragePrice,
    decimal? LimitPrice,
    decimal? StopPrice,
    OrderStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? FilledAt,
    string? ReplacedBy,
    string? Replaces);
