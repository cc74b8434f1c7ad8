using ActorTrader.Backtest.EventDriven;
using ActorTrader.Backtest.Rebalancing;
using ActorTrader.Quant.Portfolio;

namespace ActorTrader.Backtest.Tournament;

/// <summary>
/// What the tournament compares and how: the engines (optimiser names of <see cref="Catalog"/>; all of them by default),
/// the lookback of each re-optimisation, the rebalance schedule both simulators follow, and the event-driven settings
/// that make the realised run (its costs, account and lot size). The idealised run is vectorised without costs.
/// The targets of efficient-risk and efficient-return are annualised, like the μ and Σ every engine is given
/// (<see cref="Allocation.EngineAllocation"/> annualises them with the realised run's periods per year).
/// </summary>
public sealed record TournamentOptions
{
    public OptimizerCatalog Catalog { get; init; } = OptimizerCatalog.Default;

    /// <summary>Engine names; null = every engine of <see cref="Catalog"/> in its order.</summary>
    public IReadOnlyList<string>? Engines { get; init; }

    public int Lookback { get; init; } = 126;

    public RebalanceSchedule Rebalance { get; init; } = RebalanceSchedule.Monthly;

    public EventDrivenOptions Realised { get; init; } = new();

    /// <summary>Constraints of every optimisation (long-only, fully invested by default).</summary>
    public PortfolioConstraints Constraints { get; init; } = PortfolioConstraints.LongOnly;

    /// <summary>Annualised volatility efficient-risk aims for (0.15 = 15% a year); it replaces any target in <see cref="Constraints"/> for that engine.</summary>
    public double TargetVolatility { get; init; } = 0.15;

    /// <summary>Annualised arithmetic return efficient-return aims for (0.10 = 10% a year); it replaces any target in <see cref="Constraints"/> for that engine.</summary>
    public double TargetReturn { get; init; } = 0.10;

    public string RunId { get; init; } = "";
}
