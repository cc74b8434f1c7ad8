using ActorTrader.Domain.Instruments;

namespace ActorTrader.Domain.Accounting;

/// <summary>
/// An open position: signed quantity (negative = short) and the average cost per unit of what is still open, the price
/// a later closing fill is measured against. Commissions are kept apart as fees and never enter the average cost.
/// </summary>
public readonly record struct Position(Symbol Symbol, decimal Quantity, decimal AverageCost)
{
    /// <summary>Quantity × average cost (negative for a short): what the open position cost to put on.</summary>
    public decimal CostBasis => Quantity * AverageCost;
}
