namespace ActorTrader.Quant.Solvers.Qp;

/// <summary>
/// In-place Cholesky A = LLᵀ of a row-major symmetric matrix; the lower triangle receives L. Left-looking by rows so
/// every inner product runs over two contiguous row prefixes (SIMD <see cref="DenseMath.Dot"/>).
/// </summary>
internal static class DenseCholesky
{
    /// <summary>False when a pivot is not positive (the matrix is not positive definite).</summary>
    public static bool TryFactor(double[] a, int n)
    {
        for (var j = 0; j < n; j++)
        {
            var rowJ = j * n;
            var rowJSpan = a.AsSpan(rowJ, j);
            var pivot = a[rowJ + j] - DenseMath.Dot(rowJSpan, rowJSpan);
            if (!(pivot > 0)) return false;
            var diagonal = Math.Sqrt(pivot);
            a[rowJ + j] = diagonal;
            for (var i = j + 1; i < n; i++)
            {
                var rowI = i * n;
                a[rowI + j] = (a[rowI + j] - DenseMath.Dot(a.AsSpan(rowI, j), rowJSpan)) / diagonal;
            }
        }
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++) a[i * n + j] = 0;
        }
        return true;
    }
}
