using ActorTrader.Domain.Orders;

namespace ActorTrader.Backtest.EventDriven;

/// <summary>
/// What became of one simulated order: the request, when it was decided, its final status, what filled (quantity,
/// average price, commission) and why it did not fill completely when it did not (scaled down, rejected, cancelled).
/// </summary>
public sealed record OrderRecord(
    OrderRequest Request,
    DateTimeOffset DecisionTime,
    OrderStatus Status,
    decimal FilledQuantity,
    decimal AveragePrice,
    decimal Commission,
    string? Reason);
