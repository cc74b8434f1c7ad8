using ActorTrader.Domain.Orders;

namespace ActorTrader.Brokers.Abstractions;

/// <summary>Fields to change on an open order (Alpaca PATCH /v2/orders/{id}); null keeps the current value.</summary>
public sealed record OrderReplacement(decimal? Quantity = null, decimal? LimitPrice = null, decimal? StopPrice = null,
    TimeInForce? TimeInForce = null, string? ClientOrderId = null);
