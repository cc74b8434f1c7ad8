using ActorTrader.Domain.Instruments;

namespace ActorTrader.Trading.Rebalancing;

/// <summary>An open order of an earlier rebalance that no longer fits the targets: the plan cancels it, and says why.</summary>
public sealed record PlannedCancel(string ClientOrderId, Symbol Symbol, string Reason);
