using ActorTrader.Quant.Solvers.Qp;
using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Quant.Estimators;

/// <summary>
/// Repairs a symmetric matrix that is not positive semidefinite (pairwise-complete or exponentially weighted
/// estimates can be indefinite) by eigenvalue clipping, PyPortfolioOpt's "spectral" fix: eigenvalues below
/// <c>floor</c> are raised to it and the matrix is rebuilt from its eigenvectors. Not Higham's alternating
/// projections: clipping is one decomposition, and for the small negative eigenvalues estimation noise produces it
/// lands within their magnitude of the nearest PSD matrix in the Frobenius norm.
/// </summary>
public static class NearestPositiveSemidefinite
{
    /// <summary>True when a Cholesky factorisation of <paramref name="matrix"/> + 1e-16·I succeeds.</summary>
    public static bool IsPositiveSemidefinite(Matrix<double> matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var n = matrix.RowCount;
        var shifted = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++) shifted[i * n + j] = matrix[i, j] + (i == j ? 1e-16 : 0.0);
        }
        return DenseCholesky.TryFactor(shifted, n);
    }

    /// <summary>
    /// <paramref name="matrix"/> unchanged when already PSD, else rebuilt with eigenvalues clipped at <paramref name="floor"/> (≥ 0).
    /// </summary>
    public static Matrix<double> Repair(Matrix<double> matrix, double floor = 0.0)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.RowCount != matrix.ColumnCount) throw new ArgumentException($"Matrix is {matrix.RowCount}×{matrix.ColumnCount}; a covariance must be square.", nameof(matrix));
        if (!(floor >= 0)) throw new ArgumentOutOfRangeException(nameof(floor), floor, "The eigenvalue floor must be ≥ 0.");
        if (matrix.Enumerate().Any(v => !double.IsFinite(v))) throw new ArgumentException("Matrix has NaN or infinite entries; it cannot be repaired.", nameof(matrix));
        if (floor == 0 && IsPositiveSemidefinite(matrix)) return matrix;
        var symmetric = (matrix + matrix.Transpose()) * 0.5;
        var evd = symmetric.Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Map(v => Math.Max(v.Real, floor));
        var vectors = evd.EigenVectors;
        var repaired = vectors * Matrix<double>.Build.DenseOfDiagonalVector(values) * vectors.Transpose();
        SampleCovariance.Symmetrise(repaired);
        return repaired;
    }
}
