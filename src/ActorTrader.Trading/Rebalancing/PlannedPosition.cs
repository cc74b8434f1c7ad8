using ActorTrader.Domain.Instruments;

namespace ActorTrader.Trading.Rebalancing;

/// <summary>
/// One symbol of a plan: the netted target weight of the account, the price used, the quantity held and the quantity the
/// orders lead to (after lot rounding and skipped trades).
/// </summary>
public sealed record PlannedPosition(Symbol Symbol, double TargetWeight, decimal Price, decimal CurrentQuantity, decimal TargetQuantity, decimal PlannedQuantity);
