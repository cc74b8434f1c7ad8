namespace ActorTrader.Cli.Optimize;

/// <summary>What <c>actortrader optimize</c> was asked: method, estimators, constraints and output format.</summary>
/// <param name="Method">An <see cref="ActorTrader.Quant.Portfolio.OptimizerCatalog"/> name.</param>
/// <param name="Target">Annual target volatility (efficient-risk) or return (efficient-return).</param>
/// <param name="RiskFree">Annual risk-free rate.</param>
/// <param name="ReturnsEstimator">mean-historical, arithmetic or ema.</param>
/// <param name="CovarianceEstimator">sample, ledoit-wolf or exp.</param>
/// <param name="Lower">Lower bound of every weight.</param>
/// <param name="Upper">Upper bound of every weight.</param>
/// <param name="Last">Use only the last N returns (N+1 price rows); null = all.</param>
/// <param name="Json">Print the JSON object instead of a table.</param>
public sealed record OptimizeOptions(
    string Method,
    double? Target = null,
    double RiskFree = 0.0,
    string ReturnsEstimator = "mean-historical",
    string CovarianceEstimator = "sample",
    double Lower = 0.0,
    double Upper = 1.0,
    int? Last = null,
    bool Json = false)
{
    /// <summary>Return periods per year used to annualise (daily bars).</summary>
    public double PeriodsPerYear { get; init; } = ActorTrader.Quant.Returns.PeriodsPerYear.TradingDays;

    /// <summary>Parses "--bounds lower,upper", e.g. "0,1" or "-1,1".</summary>
    public static (double Lower, double Upper) ParseBounds(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(',');
        if (parts.Length == 2
            && double.TryParse(parts[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var lower)
            && double.TryParse(parts[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var upper)
            && double.IsFinite(lower) && double.IsFinite(upper) && lower <= upper)
        {
            return (lower, upper);
        }
        throw new OptimizeInputException($"--bounds \"{text}\" is not \"lower,upper\" with lower ≤ upper; e.g. --bounds 0,1 (long-only) or --bounds -1,1 (shorts).");
    }
}
