using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Brokers.Paper;

/// <summary>
/// One fill of the paper account, as persisted: <see cref="ExecutionId"/> is unique and stable across restarts (the
/// same id the fill's trade update carried), <see cref="PositionQuantity"/> is the position after it.
/// </summary>
public sealed record PaperExecution(
    long Sequence,
    string ExecutionId,
    string BrokerOrderId,
    string ClientOrderId,
    Symbol Symbol,
    OrderSide Side,
    decimal Quantity,
    decimal Price,
    decimal Commission,
    DateTimeOffset Time,
    decimal PositionQuantity);
