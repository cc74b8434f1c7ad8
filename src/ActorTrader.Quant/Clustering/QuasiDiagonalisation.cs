using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Quant.Clustering;

/// <summary>
/// López de Prado's quasi-diagonalisation: reorder the covariance by the dendrogram's leaf order so that large
/// covariances sit near the diagonal and recursive bisection splits similar assets last.
/// </summary>
public static class QuasiDiagonalisation
{
    /// <summary>The asset order (scipy <c>to_tree().pre_order()</c>).</summary>
    public static IReadOnlyList<int> Order(Dendrogram dendrogram)
    {
        ArgumentNullException.ThrowIfNull(dendrogram);
        return dendrogram.LeafOrder();
    }

    /// <summary><paramref name="matrix"/> with rows and columns permuted into <paramref name="order"/>.</summary>
    public static Matrix<double> Reorder(Matrix<double> matrix, IReadOnlyList<int> order)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(order);
        return Matrix<double>.Build.Dense(order.Count, order.Count, (i, j) => matrix[order[i], order[j]]);
    }
}
