using ActorTrader.Quant.Returns;
using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Quant.Estimators;

/// <summary>
/// Annualised sample covariance (ddof 1) with pandas' pairwise-complete semantics: each pair uses the periods where
/// both assets have a return, with means over those periods. Without missing values it is one centred XᵀX.
/// </summary>
public static class SampleCovariance
{
    /// <summary>Covariance of <paramref name="returns"/> (rows = periods, NaN = missing) × <paramref name="periodsPerYear"/>.</summary>
    public static Matrix<double> Estimate(Matrix<double> returns, double periodsPerYear = PeriodsPerYear.TradingDays)
    {
        ReturnChecks.RequireFiniteOrMissing(returns, nameof(returns));
        PeriodsPerYear.Require(periodsPerYear);
        return ReturnChecks.HasMissing(returns)
            ? Pairwise(returns) * periodsPerYear
            : Complete(returns) * periodsPerYear;
    }

    private static Matrix<double> Complete(Matrix<double> returns)
    {
        var t = returns.RowCount;
        if (t < 2) throw new ArgumentException($"A sample covariance needs at least 2 periods; got {t}.", nameof(returns));
        var means = returns.ColumnSums() / t;
        var centred = returns.Clone();
        for (var c = 0; c < centred.ColumnCount; c++)
        {
            var mean = means[c];
            for (var r = 0; r < t; r++) centred[r, c] -= mean;
        }
        var covariance = centred.TransposeThisAndMultiply(centred) / (t - 1);
        Symmetrise(covariance);
        return covariance;
    }

    private static Matrix<double> Pairwise(Matrix<double> returns)
    {
        var n = returns.ColumnCount;
        var columns = new double[n][];
        for (var c = 0; c < n; c++) columns[c] = returns.Column(c).ToArray();
        var covariance = Matrix<double>.Build.Dense(n, n);
        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++)
            {
                var value = PairwiseMoments.Of(columns[i], columns[j]).Covariance;
                if (double.IsNaN(value))
                {
                    throw new ArgumentException($"Columns {i} and {j} share fewer than 2 observed periods; their covariance is undefined.", nameof(returns));
                }
                covariance[i, j] = value;
                covariance[j, i] = value;
            }
        }
        return covariance;
    }

    internal static void Symmetrise(Matrix<double> matrix)
    {
        for (var i = 0; i < matrix.RowCount; i++)
        {
            for (var j = i + 1; j < matrix.ColumnCount; j++)
            {
                var average = 0.5 * (matrix[i, j] + matrix[j, i]);
                matrix[i, j] = average;
                matrix[j, i] = average;
            }
        }
    }
}
