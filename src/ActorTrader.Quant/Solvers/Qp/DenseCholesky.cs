namespace ActorTrader.Quant.Solvers.Qp;

/// <summary>In-place Cholesky A = LLᵀ of a row-major symmetric matrix; the lower triangle receives L.</summary>
internal static class DenseCholesky
{
    /// <summary>False when a pivot is not positive (the matrix is not positive definite).</summary>
    public static bool TryFactor(double[] a, int n)
    {
        for (var j = 0; j < n; j++)
        {
            var rowJ = j * n;
            var pivot = a[rowJ + j];
            for (var k = 0; k < j; k++) pivot -= a[rowJ + k] * a[rowJ + k];
            if (!(pivot > 0)) return false;
            var diagonal = Math.Sqrt(pivot);
            a[rowJ + j] = diagonal;
            for (var i = j + 1; i < n; i++)
            {
                var rowI = i * n;
                var sum = a[rowI + j];
                for (var k = 0; k < j; k++) sum -= a[rowI + k] * a[rowJ + k];
                a[rowI + j] = sum / diagonal;
            }
        }
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++) a[i * n + j] = 0;
        }
        return true;
    }
}
