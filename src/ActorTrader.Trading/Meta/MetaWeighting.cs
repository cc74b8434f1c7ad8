using ActorTrader.Quant.Estimators;
using ActorTrader.Quant.Portfolio;
using ActorTrader.Quant.Returns;

namespace ActorTrader.Trading.Meta;

/// <summary>
/// Meta-weights: the sleeves are the assets of one long-only, fully invested portfolio problem built from the aligned
/// sleeve returns (annualised at 252 bars a year: arithmetic means and the sample covariance), solved by the profile's
/// optimiser and checked by the stable-sum gate (finite weights summing to 1).
/// </summary>
internal static class MetaWeighting
{
    /// <summary>Throws <see cref="OptimizationException"/> (or <see cref="ArgumentException"/> from an estimator) with the optimiser's reason.</summary>
    public static PortfolioWeights Compute(MetaReturnsMatrix matrix, IPortfolioOptimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(optimizer);
        var problem = new PortfolioProblem(
            matrix.Sleeves,
            matrix.Returns,
            ExpectedReturns.Arithmetic(matrix.Returns, PeriodsPerYear.TradingDays),
            SampleCovariance.Estimate(matrix.Returns, PeriodsPerYear.TradingDays),
            PortfolioConstraints.LongOnly);
        var weights = optimizer.Optimize(problem);
        return StableSumGate.Check(weights, PortfolioConstraints.LongOnly.Budget);
    }
}
