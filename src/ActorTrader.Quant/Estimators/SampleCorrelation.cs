using ActorTrader.Quant.Returns;
using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Quant.Estimators;

/// <summary>
/// Pearson correlation with pandas' pairwise-complete semantics (<c>DataFrame.corr()</c>): each pair's covariance
/// and both standard deviations use only the periods where both assets have a return. With missing data this is
/// not the correlation implied by the pairwise covariance (whose variances use every period of each asset), and it
/// is what PyPortfolioOpt's HRP clusters on.
/// </summary>
public static class SampleCorrelation
{
    /// <summary>Correlation of <paramref name="returns"/> (rows = periods, NaN = missing).</summary>
    public static Matrix<double> Estimate(Matrix<double> returns)
    {
        ReturnChecks.RequireFiniteOrMissing(returns, nameof(returns));
        if (!ReturnChecks.HasMissing(returns)) return CorrelationMatrix.FromCovariance(SampleCovariance.Estimate(returns, 1.0));
        var n = returns.ColumnCount;
        var columns = Enumerable.Range(0, n).Select(c => returns.Column(c).ToArray()).ToArray();
        var correlation = Matrix<double>.Build.Dense(n, n);
        for (var i = 0; i < n; i++)
        {
            correlation[i, i] = 1.0;
            for (var j = i + 1; j < n; j++)
            {
                var value = PairwiseMoments.Of(columns[i], columns[j]).Correlation;
                if (double.IsNaN(value))
                {
                    throw new ArgumentException($"Columns {i} and {j} share too few observed periods (or one is constant over them); their correlation is undefined.", nameof(returns));
                }
                correlation[i, j] = value;
                correlation[j, i] = value;
            }
        }
        return correlation;
    }
}
