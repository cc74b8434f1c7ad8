namespace ActorTrader.Research.Promotion.Statistics;

/// <summary>
/// The bar a candidate must clear on the out-of-sample window before it may trade on paper. Defaults: 20 trades, an
/// annualised Sharpe of at least 0.5, a deflated Sharpe of at least 0.95 among 100 trials, and — when there is an
/// incumbent — a one-sided Diebold–Mariano test (horizon 5: autocovariances up to lag 4) and a paired t-test that both
/// reject "no better than the incumbent" at 5%.
/// </summary>
public sealed record PromotionSettings
{
    public static PromotionSettings Default { get; } = new();

    public int MinimumTrades { get; init; } = 20;

    /// <summary>Minimum annualised out-of-sample Sharpe.</summary>
    public double MinimumSharpe { get; init; } = 0.5;

    /// <summary>Minimum deflated Sharpe (a probability).</summary>
    public double MinimumDeflatedSharpe { get; init; } = 0.95;

    /// <summary>
    /// The least N for the deflated Sharpe; the evaluations the run that produced the candidate had made count when they are
    /// more (see <see cref="PromotionValidator.Validate"/>).
    /// </summary>
    public int Trials { get; init; } = 100;

    /// <summary>Variance of the trials' per-period Sharpes; null = the null-hypothesis variance 1/(n − 1).</summary>
    public double? TrialSharpeVariance { get; init; }

    /// <summary>Significance level of the comparisons with the incumbent.</summary>
    public double SignificanceLevel { get; init; } = 0.05;

    /// <summary>Diebold–Mariano horizon h: the long-run variance uses autocovariances up to lag h − 1 (1 = none).</summary>
    public int Horizon { get; init; } = 5;

    public double PeriodsPerYear { get; init; } = Quant.Returns.PeriodsPerYear.TradingDays;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting that cannot be used.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MinimumTrades, nameof(MinimumTrades));
        if (!double.IsFinite(MinimumSharpe)) throw new ArgumentOutOfRangeException(nameof(MinimumSharpe), MinimumSharpe, "The minimum Sharpe must be finite.");
        if (!(MinimumDeflatedSharpe >= 0 && MinimumDeflatedSharpe <= 1))
            throw new ArgumentOutOfRangeException(nameof(MinimumDeflatedSharpe), MinimumDeflatedSharpe, "The minimum deflated Sharpe is a probability in [0, 1], e.g. 0.95.");
        ArgumentOutOfRangeException.ThrowIfLessThan(Trials, 1, nameof(Trials));
        if (TrialSharpeVariance is { } v && (!(v >= 0) || !double.IsFinite(v)))
            throw new ArgumentOutOfRangeException(nameof(TrialSharpeVariance), v, "The trials' Sharpe variance must be finite, 0 or more.");
        if (!(SignificanceLevel > 0 && SignificanceLevel < 1))
            throw new ArgumentOutOfRangeException(nameof(SignificanceLevel), SignificanceLevel, "The significance level is in (0, 1), e.g. 0.05.");
        ArgumentOutOfRangeException.ThrowIfLessThan(Horizon, 1, nameof(Horizon));
        if (!(PeriodsPerYear > 0) || !double.IsFinite(PeriodsPerYear))
            throw new ArgumentOutOfRangeException(nameof(PeriodsPerYear), PeriodsPerYear, "Periods per year must be positive, e.g. 252 for daily bars.");
    }
}
