namespace ActorTrader.Brokers.Alpaca;

/// <summary>An Alpaca position as read; <see cref="Quantity"/> is negative for a short whatever sign Alpaca wrote.</summary>
internal sealed record AlpacaPositionRecord(
    string Ticker,
    string? AssetId,
    string? Exchange,
    string? AssetClass,
    decimal Quantity,
    decimal AverageEntryPrice,
    decimal MarketValue,
    decimal CurrentPrice,
    decimal UnrealizedPnl);
