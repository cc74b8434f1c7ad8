namespace ActorTrader.Quant.Portfolio;

/// <summary>
/// Linear constraints shared by all optimisers: the budget (Σw), per-asset bounds (long-only 0..1 by default,
/// −1..1 allows shorts), optional per-asset overrides and per-cluster caps, and the method-specific targets.
/// </summary>
public sealed record PortfolioConstraints
{
    /// <summary>Long-only, fully invested, no caps.</summary>
    public static PortfolioConstraints LongOnly { get; } = new();

    /// <summary>Required Σw (1 = fully invested).</summary>
    public double Budget { get; init; } = 1.0;

    /// <summary>Lower bound of every weight unless overridden in <see cref="AssetBounds"/>.</summary>
    public double LowerBound { get; init; }

    /// <summary>Upper bound of every weight unless overridden in <see cref="AssetBounds"/>.</summary>
    public double UpperBound { get; init; } = 1.0;

    /// <summary>Per-asset (lower, upper) bounds by asset index; absent assets use the global bounds.</summary>
    public IReadOnlyDictionary<int, (double Lower, double Upper)> AssetBounds { get; init; } =
        new Dictionary<int, (double Lower, double Upper)>();

    /// <summary>Caps on the total weight of groups of assets (e.g. correlation clusters): asset indices and cap.</summary>
    public IReadOnlyList<(IReadOnlyList<int> Assets, double Cap)> GroupCaps { get; init; } = [];

    /// <summary>Risk-free rate per period of <see cref="PortfolioProblem.ExpectedReturns"/> (max Sharpe and friends).</summary>
    public double RiskFreeRate { get; init; }

    /// <summary>Target volatility (efficient risk) or target return (efficient return), when the method needs one.</summary>
    public double? Target { get; init; }

    /// <summary>Risk aversion of maximum quadratic utility.</summary>
    public double RiskAversion { get; init; } = 1.0;

    /// <summary>Tail probability of CVaR/CDaR (0.05 = the worst 5% of periods).</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>Risk budgets of equal risk contribution (null = equal budgets); normalised to sum 1.</summary>
    public IReadOnlyList<double>? RiskBudgets { get; init; }

    /// <summary>Barbell buckets applied after any optimiser (see <see cref="BarbellOptimizer"/>); null = disabled.</summary>
    public BarbellBuckets? Barbell { get; init; }

    /// <summary>(lower, upper) of asset <paramref name="index"/>.</summary>
    public (double Lower, double Upper) BoundsOf(int index) =>
        AssetBounds.TryGetValue(index, out var bounds) ? bounds : (LowerBound, UpperBound);
}
