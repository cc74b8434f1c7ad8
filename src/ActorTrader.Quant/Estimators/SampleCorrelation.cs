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
                var value = Pair(columns[i], columns[j]);
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

    private static double Pair(double[] x, double[] y)
    {
        double sumX = 0, sumY = 0;
        var count = 0;
        for (var r = 0; r < x.Length; r++)
        {
            if (double.IsNaN(x[r]) || double.IsNaN(y[r])) continue;
            sumX += x[r];
            sumY += y[r];
            count++;
        }
        if (count < 2) return double.NaN;
        double meanX = sumX / count, meanY = sumY / count, xy = 0, xx = 0, yy = 0;
        for (var r = 0; r < x.Length; r++)
        {
            if (double.IsNaN(x[r]) || double.IsNaN(y[r])) continue;
            var dx = x[r] - meanX;
            var dy = y[r] - meanY;
            xy += dx * dy;
            xx += dx * dx;
            yy += dy * dy;
        }
        return xx > 0 && yy > 0 ? Math.Clamp(xy / Math.Sqrt(xx * yy), -1.0, 1.0) : double.NaN;
    }
}
