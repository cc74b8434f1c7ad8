namespace ActorTrader.Brokers.Alpaca;

/// <summary>
/// The <c>data</c> of a trade_updates message as read: Alpaca's event name, the order after the event, and for fills the
/// execution's price, quantity, the position after it and its execution id.
/// </summary>
internal sealed record AlpacaTradeUpdateRecord(
    string Event,
    AlpacaOrderRecord Order,
    DateTimeOffset? Timestamp,
    decimal? Price,
    decimal? Quantity,
    decimal? PositionQuantity,
    string? ExecutionId);
