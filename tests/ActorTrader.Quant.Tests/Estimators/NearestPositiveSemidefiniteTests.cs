using ActorTrader.Quant.Estimators;
using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Quant.Tests.Estimators;

public sealed class NearestPositiveSemidefiniteTests
{
    // Correlations 0.9, 0.9, −0.9 cannot coexist: eigenvalues are 2.8, 1.9, −1.7.
    private static readonly Matrix<double> Indefinite = Matrix<double>.Build.DenseOfArray(new[,]
    {
        { 1.0, 0.9, 0.9 }, { 0.9, 1.0, -0.9 }, { 0.9, -0.9, 1.0 },
    });

    [Fact]
    public void Indefinite_matrix_is_detected()
    {
        Assert.False(NearestPositiveSemidefinite.IsPositiveSemidefinite(Indefinite));
    }

    [Fact]
    public void Repaired_matrix_has_no_negative_eigenvalue()
    {
        var repaired = NearestPositiveSemidefinite.Repair(Indefinite);

        Assert.True(repaired.Evd(Symmetricity.Symmetric).EigenValues.Min(v => v.Real) >= -1e-12);
    }

    [Fact]
    public void Repair_keeps_the_positive_part_of_the_spectrum()
    {
        var repaired = NearestPositiveSemidefinite.Repair(Indefinite);

        var expected = Indefinite.Evd(Symmetricity.Symmetric).EigenValues.Select(v => Math.Max(0, v.Real)).Order().ToArray();
        var actual = repaired.Evd(Symmetricity.Symmetric).EigenValues.Select(v => v.Real).Order().ToArray();
        Near.Equal(expected, actual, 10);
    }

    [Fact]
    public void Positive_definite_matrix_is_returned_unchanged()
    {
        var matrix = Matrix<double>.Build.DenseOfArray(new[,] { { 2.0, 0.5 }, { 0.5, 1.0 } });

        Assert.Same(matrix, NearestPositiveSemidefinite.Repair(matrix));
    }

    [Fact]
    public void Zero_variance_has_no_correlation()
    {
        var covariance = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 0.0 }, { 0.0, 0.0 } });

        var error = Assert.Throws<ArgumentException>(() => CorrelationMatrix.FromCovariance(covariance));

        Assert.Contains("asset 1", error.Message, StringComparison.Ordinal);
    }
}
