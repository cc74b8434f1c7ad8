using System.Globalization;

namespace ActorTrader.Trading.Ledger;

/// <summary>
/// The account's commission schedule (the paper broker's <c>commission-bps</c> and <c>commission-per-share</c>; none for a
/// commission-free broker). The ledger books it on a fill whose commission the broker did not report — one recovered from
/// the broker's cumulative figures — instead of booking it free and letting cash drift from the broker's. The per-order
/// minimum is left out: which fill of an order paid it is not known; what remains shows in the cash check.
/// </summary>
/// <param name="Bps">Basis points of the fill's notional.</param>
/// <param name="PerUnit">Per unit filled, on top.</param>
public sealed record CommissionModel(decimal Bps, decimal PerUnit)
{
    public static CommissionModel None { get; } = new(0m, 0m);

    /// <summary>The commission of <paramref name="quantity"/> at <paramref name="price"/>, exact (as the paper broker charges it).</summary>
    public decimal Estimate(decimal quantity, decimal price) => Math.Abs(quantity) * price * Bps / 10_000m + Math.Abs(quantity) * PerUnit;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Bps} bps + {PerUnit} per unit");
}
