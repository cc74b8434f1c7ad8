using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Quant.Estimators;

/// <summary>Correlation from covariance: ρᵢⱼ = Σᵢⱼ / (σᵢσⱼ), with an exact unit diagonal.</summary>
public static class CorrelationMatrix
{
    /// <summary>Throws when a variance is not positive (a constant asset has no correlation).</summary>
    public static Matrix<double> FromCovariance(Matrix<double> covariance)
    {
        ArgumentNullException.ThrowIfNull(covariance);
        var n = covariance.RowCount;
        var std = new double[n];
        for (var i = 0; i < n; i++)
        {
            var variance = covariance[i, i];
            if (!(variance > 0) || !double.IsFinite(variance))
            {
                throw new ArgumentException($"Variance of asset {i} is {variance}; correlation needs a positive finite variance (is the price constant?).", nameof(covariance));
            }
            std[i] = Math.Sqrt(variance);
        }
        return Matrix<double>.Build.Dense(n, n, (i, j) => i == j ? 1.0 : covariance[i, j] / (std[i] * std[j]));
    }
}
