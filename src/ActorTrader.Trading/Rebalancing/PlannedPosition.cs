using ActorTrader.Domain.Instruments;

namespace ActorTrader.Trading.Rebalancing;

/// <summary>
/// One symbol of a plan: the netted target weight of the account, the price used, the quantity held and the quantity the
/// orders lead to (after lot rounding and skipped trades). <see cref="OpenQuantity"/> is the signed quantity still to fill
/// of the open orders the plan keeps working (they count towards <see cref="PlannedQuantity"/>).
/// </summary>
public sealed record PlannedPosition(Symbol Symbol, double TargetWeight, decimal Price, decimal CurrentQuantity, decimal TargetQuantity, decimal PlannedQuantity,
    decimal OpenQuantity = 0m);
