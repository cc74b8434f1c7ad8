using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Quant.Estimators;

/// <summary>A shrinkage estimate: the annualised covariance and the shrinkage intensity δ ∈ [0, 1] toward the target.</summary>
public sealed record ShrunkCovariance(Matrix<double> Covariance, double Shrinkage);
