using ActorTrader.Domain.Instruments;

namespace ActorTrader.Brokers.Abstractions;

/// <summary>A position as the broker reports it; <see cref="Quantity"/> is negative for a short.</summary>
public sealed record BrokerPosition(
    Symbol Symbol,
    decimal Quantity,
    decimal AverageEntryPrice,
    decimal MarketValue,
    decimal CurrentPrice,
    decimal UnrealizedPnl);
