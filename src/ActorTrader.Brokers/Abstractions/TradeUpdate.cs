namespace ActorTrader.Brokers.Abstractions;

/// <summary>
/// One event of the trade-updates stream. For <see cref="TradeUpdateEvent.Fill"/> and
/// <see cref="TradeUpdateEvent.PartialFill"/>, <see cref="Price"/> and <see cref="Quantity"/> are those of this
/// execution (not the order's cumulative figures, which are on <see cref="Order"/>), and <see cref="ExecutionId"/>
/// identifies it uniquely so a repeated delivery can be recognised. <see cref="PositionQuantity"/> is the position after it.
/// </summary>
public sealed record TradeUpdate(
    TradeUpdateEvent Event,
    BrokerOrder Order,
    DateTimeOffset Timestamp,
    decimal? Price = null,
    decimal? Quantity = null,
    decimal? PositionQuantity = null,
    string? ExecutionId = null,
    decimal Commission = 0m);
