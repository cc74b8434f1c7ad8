using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Quant.Clustering;

/// <summary>
/// López de Prado's correlation distance d = √((1 − ρ)/2): 0 for ρ = 1, 1 for ρ = −1, a proper metric.
/// Correlations are clipped to [−1, 1] first so rounding cannot produce NaN.
/// </summary>
public static class CorrelationDistance
{
    /// <summary>The distance matrix of a correlation matrix.</summary>
    public static Matrix<double> FromCorrelation(Matrix<double> correlation)
    {
        ArgumentNullException.ThrowIfNull(correlation);
        return correlation.Map(rho => Math.Sqrt(Math.Clamp((1.0 - rho) / 2.0, 0.0, 1.0)));
    }

    /// <summary>The distance matrix of a covariance matrix (via its correlation).</summary>
    public static Matrix<double> FromCovariance(Matrix<double> covariance) =>
        FromCorrelation(Estimators.CorrelationMatrix.FromCovariance(covariance));
}
