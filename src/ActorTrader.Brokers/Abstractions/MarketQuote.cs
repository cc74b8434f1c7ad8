using ActorTrader.Domain.Instruments;

namespace ActorTrader.Brokers.Abstractions;

/// <summary>
/// A price observed at an instant (UTC): what the paper broker fills against and the ledger marks to.
/// <see cref="Volume"/>, when given, is the quantity traded at this quote; the paper broker fills at most its configured
/// share of it (partial fills). Without it, an order fills in full.
/// </summary>
public readonly record struct MarketQuote(Symbol Symbol, decimal Price, DateTimeOffset Time, decimal? Volume = null);
