using ActorTrader.Backtest.Rebalancing;

namespace ActorTrader.Backtest.Vectorised;

/// <summary>
/// Settings of the vectorised simulator: starting capital, cost in basis points of traded notional (charged on
/// two-sided turnover at each rebalance; roughly slippage + commission of the event-driven simulator), the rebalance
/// schedule and the bars per year used to annualise.
/// </summary>
public sealed record VectorisedOptions
{
    public decimal InitialCash { get; init; } = 100_000m;

    /// <summary>Cost per unit of traded notional in basis points (0 = frictionless).</summary>
    public double CostBps { get; init; }

    public RebalanceSchedule Rebalance { get; init; } = RebalanceSchedule.Daily;

    public double PeriodsPerYear { get; init; } = Quant.Returns.PeriodsPerYear.TradingDays;

    internal void Validate()
    {
        if (InitialCash <= 0) throw new ArgumentOutOfRangeException(nameof(InitialCash), InitialCash, "Initial cash must be positive.");
        if (!(CostBps >= 0) || !double.IsFinite(CostBps)) throw new ArgumentOutOfRangeException(nameof(CostBps), CostBps, "Cost must be a finite number of basis points, 0 or more.");
        ArgumentNullException.ThrowIfNull(Rebalance);
        if (!(PeriodsPerYear > 0) || !double.IsFinite(PeriodsPerYear))
            throw new ArgumentOutOfRangeException(nameof(PeriodsPerYear), PeriodsPerYear, $"Periods per year must be positive, e.g. {Quant.Returns.PeriodsPerYear.TradingDays} for daily bars.");
    }
}
