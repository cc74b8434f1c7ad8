using ActorTrader.Backtest.WalkForward;

namespace ActorTrader.Research.Fitness;

/// <summary>
/// How <see cref="WalkForwardFitnessEvaluator"/> scores a genome. Fitness = annualised Sharpe of the stitched test folds
/// − <see cref="DrawdownPenalty"/> × max drawdown (a fraction) − <see cref="TurnoverPenalty"/> × annual two-sided turnover.
/// Defaults: at least 10 trades, λ_dd 0.5 (a 20% drawdown costs 0.1 Sharpe), λ_to 0.002 (turnover 50×/year costs 0.1),
/// 5 bps per unit traded, folds of 126 train + 63 test bars, 100 trials for the deflated Sharpe.
/// </summary>
public sealed record FitnessSettings
{
    public static FitnessSettings Default { get; } = new();

    /// <summary>Fewer trades (assets whose weight changed, summed over the test folds) than this scores worst.</summary>
    public int MinimumTrades { get; init; } = 10;

    /// <summary>λ_dd: Sharpe units lost per unit of maximum drawdown (0.2 = 20%).</summary>
    public double DrawdownPenalty { get; init; } = 0.5;

    /// <summary>λ_to: Sharpe units lost per unit of annual two-sided turnover (2 = the whole book swapped once a year).</summary>
    public double TurnoverPenalty { get; init; } = 0.002;

    /// <summary>Cost per unit of traded notional, in basis points, charged by the vectorised simulator.</summary>
    public double CostBps { get; init; } = 5;

    /// <summary>Walk-forward geometry over the in-sample bars. The train part of each fold is the genome's warm-up.</summary>
    public WalkForwardOptions Folds { get; init; } = new(trainBars: 126, testBars: 63);

    /// <summary>N for the deflated Sharpe: how many genomes the run expects to try (population × generations).</summary>
    public int Trials { get; init; } = 100;

    /// <summary>
    /// Variance of the trials' per-period Sharpe ratios for the deflated Sharpe; null = the variance of a Sharpe estimate
    /// under the null, 1/(n − 1) for n test-fold returns (what a genome alone can know).
    /// </summary>
    public double? TrialSharpeVariance { get; init; }

    /// <summary>Bars per year used to annualise (252 for daily bars).</summary>
    public double PeriodsPerYear { get; init; } = Quant.Returns.PeriodsPerYear.TradingDays;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting that cannot be used.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MinimumTrades, nameof(MinimumTrades));
        NonNegative(DrawdownPenalty, nameof(DrawdownPenalty));
        NonNegative(TurnoverPenalty, nameof(TurnoverPenalty));
        NonNegative(CostBps, nameof(CostBps));
        ArgumentNullException.ThrowIfNull(Folds, nameof(Folds));
        ArgumentOutOfRangeException.ThrowIfLessThan(Trials, 1, nameof(Trials));
        if (TrialSharpeVariance is { } v) NonNegative(v, nameof(TrialSharpeVariance));
        if (!(PeriodsPerYear > 0) || !double.IsFinite(PeriodsPerYear))
            throw new ArgumentOutOfRangeException(nameof(PeriodsPerYear), PeriodsPerYear, "Periods per year must be positive, e.g. 252 for daily bars.");
    }

    private static void NonNegative(double value, string name)
    {
        if (!(value >= 0) || !double.IsFinite(value))
            throw new ArgumentOutOfRangeException(name, value, $"Fitness setting {name} must be a finite number, 0 or more.");
    }
}
