using ActorTrader.Quant.Returns;
using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Quant.Estimators;

/// <summary>
/// Exponentially weighted covariance with PyPortfolioOpt's <c>exp_cov</c> semantics: for each pair, the products of
/// deviations from each asset's full-sample mean are averaged with pandas <c>ewm(span).mean()</c> and the last value
/// is annualised. The raw estimate is returned; apply <see cref="NearestPositiveSemidefinite"/> where PyPortfolioOpt
/// would (it repairs a non-PSD result by eigenvalue clipping).
/// </summary>
public static class ExponentialCovariance
{
    /// <summary>PyPortfolioOpt's default span (days).</summary>
    public const double DefaultSpan = 180;

    /// <summary>Exponentially weighted covariance of <paramref name="returns"/> (NaN = missing) × <paramref name="periodsPerYear"/>.</summary>
    public static Matrix<double> Estimate(Matrix<double> returns, double span = DefaultSpan, double periodsPerYear = PeriodsPerYear.TradingDays)
    {
        ReturnChecks.RequireFiniteOrMissing(returns, nameof(returns));
        PeriodsPerYear.Require(periodsPerYear);
        var alpha = ExponentialWeighting.Alpha(span);
        var n = returns.ColumnCount;
        var t = returns.RowCount;
        var deviations = new double[n][];
        for (var c = 0; c < n; c++)
        {
            var column = returns.Column(c).ToArray();
            var observed = column.Where(x => !double.IsNaN(x)).ToArray();
            if (observed.Length == 0) throw new ArgumentException($"Column {c} has no observed return.", nameof(returns));
            var mean = observed.Average();
            deviations[c] = column.Select(x => x - mean).ToArray();
        }
        var covariance = Matrix<double>.Build.Dense(n, n);
        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++)
            {
                var x = deviations[i];
                var y = deviations[j];
                var value = ExponentialWeighting.LastMean(r => x[r] * y[r], t, alpha);
                if (double.IsNaN(value)) throw new ArgumentException($"Columns {i} and {j} share no observed period.", nameof(returns));
                covariance[i, j] = value * periodsPerYear;
                covariance[j, i] = value * periodsPerYear;
            }
        }
        return covariance;
    }
}
