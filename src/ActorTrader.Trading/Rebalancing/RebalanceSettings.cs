using ActorTrader.Domain.Instruments;

namespace ActorTrader.Trading.Rebalancing;

/// <summary>
/// How target weights become order quantities (<c>actortrader.trading.day.rebalance</c>).
/// </summary>
/// <param name="EquityLot">Quantity step of equities, ETFs and futures (1 = whole shares).</param>
/// <param name="FractionalLot">Quantity step of crypto and of the symbols in <see cref="Fractionable"/>.</param>
/// <param name="Fractionable">Non-crypto symbols traded in fractional lots (e.g. Alpaca's fractionable equities).</param>
/// <param name="MinNotional">Trades worth less than this (account currency) are skipped and reported.</param>
/// <param name="WeightTolerance">How far Σ weights + cash (and Σ capital shares) may stray from 1.</param>
/// <param name="LongOnly">Negative weights are an error (also always so on a cash account).</param>
public sealed record RebalanceSettings(
    decimal EquityLot,
    decimal FractionalLot,
    IReadOnlySet<Symbol> Fractionable,
    decimal MinNotional,
    double WeightTolerance,
    bool LongOnly)
{
    /// <summary>Whole shares, 0.0001 crypto lots, no fractionable equities, 1.00 minimum notional, 1e-4 tolerance, long only.</summary>
    public static RebalanceSettings Default { get; } = new(1m, 0.0001m, new HashSet<Symbol>(), 1m, 1e-4, true);

    /// <summary>The quantity step of <paramref name="symbol"/>.</summary>
    public decimal LotOf(Symbol symbol) =>
        symbol.Exchange == Exchanges.Crypto || Fractionable.Contains(symbol) ? FractionalLot : EquityLot;
}
