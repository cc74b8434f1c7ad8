namespace ActorTrader.Brokers.Abstractions;

/// <summary>The broker's market clock (Alpaca GET /v2/clock); all instants UTC.</summary>
public sealed record BrokerClock(DateTimeOffset Timestamp, bool IsOpen, DateTimeOffset NextOpen, DateTimeOffset NextClose);
