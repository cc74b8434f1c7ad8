using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Quant.Portfolio;

/// <summary>
/// Expected return μᵀw, volatility √(wᵀΣw) and Sharpe (μᵀw − rf)/σ of a weight vector, in the periodicity of μ and Σ
/// (annualised when they are). Sharpe is NaN for a zero-volatility portfolio.
/// </summary>
public sealed record PortfolioPerformance(double ExpectedReturn, double Volatility, double Sharpe)
{
    /// <summary>The performance of <paramref name="weights"/> under <paramref name="expectedReturns"/> and <paramref name="covariance"/>.</summary>
    public static PortfolioPerformance Of(IReadOnlyList<double> weights, Vector<double> expectedReturns, Matrix<double> covariance, double riskFreeRate = 0.0)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(expectedReturns);
        ArgumentNullException.ThrowIfNull(covariance);
        var w = Vector<double>.Build.DenseOfEnumerable(weights);
        var expected = expectedReturns.DotProduct(w);
        var variance = Math.Max(0.0, w.DotProduct(covariance * w));
        var volatility = Math.Sqrt(variance);
        return new PortfolioPerformance(expected, volatility, volatility > 0 ? (expected - riskFreeRate) / volatility : double.NaN);
    }
}
