namespace ActorTrader.Domain.Accounting;

/// <summary>
/// The ledger marked to market at given prices. Long value is ≥ 0, short value ≤ 0; gross exposure = long − short,
/// net exposure = long + short, NAV = cash + net exposure. Unrealised P&amp;L is Σ quantity × (price − average cost);
/// realised P&amp;L is before fees, so the P&amp;L since inception is realised + unrealised − fees.
/// </summary>
public sealed record LedgerValuation(
    decimal Cash,
    decimal LongValue,
    decimal ShortValue,
    decimal GrossExposure,
    decimal NetExposure,
    decimal Nav,
    decimal UnrealisedPnl,
    decimal RealisedPnl,
    decimal Fees);
