using ActorTrader.Domain.Instruments;

namespace ActorTrader.Brokers.Abstractions;

/// <summary>A price observed at an instant (UTC): what the paper broker fills against and the ledger marks to.</summary>
public readonly record struct MarketQuote(Symbol Symbol, decimal Price, DateTimeOffset Time);
