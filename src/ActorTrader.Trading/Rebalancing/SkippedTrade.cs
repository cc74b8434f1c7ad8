using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Trading.Rebalancing;

/// <summary>A trade the planner left out, what it would have been and why (below one lot, below the minimum notional, no price).</summary>
public sealed record SkippedTrade(Symbol Symbol, OrderSide Side, decimal Quantity, decimal Notional, string Reason);
