namespace ActorTrader.Quant.Solvers.Lp;

/// <summary>
/// A symmetric positive definite matrix in skyline (profile) storage, lower triangle: row i holds columns
/// <c>First[i]</c>..i contiguously, which its Cholesky factor LLᵀ keeps (no fill outside the profile). After a
/// bandwidth-reducing ordering, the sparse part of a scenario LP's normal matrix is a band a few entries wide.
/// </summary>
internal sealed class SkylineMatrix
{
    private readonly int[] _rowStart;
    private readonly double[] _originalDiagonal;

    public SkylineMatrix(int[] first)
    {
        First = first;
        Size = first.Length;
        _rowStart = new int[Size + 1];
        for (var i = 0; i < Size; i++) _rowStart[i + 1] = _rowStart[i] + i - first[i] + 1;
        Values = new double[_rowStart[Size]];
        _originalDiagonal = new double[Size];
    }

    public int Size { get; }
    public int[] First { get; }
    public double[] Values { get; }

    /// <summary>Index of entry (i, j), j in [First[i], i], in <see cref="Values"/>.</summary>
    public int IndexOf(int i, int j) => _rowStart[i] + j - First[i];

    public void Clear() => Array.Clear(Values);

    /// <summary>
    /// In-place LLᵀ. A pivot that cancels below <see cref="EnvelopeCholesky.RelativePivotFloor"/> of its diagonal is
    /// raised to that floor: a tiny regularisation whose effect the caller's iterative refinement removes.
    /// </summary>
    public void Factor()
    {
        var a = Values.AsSpan();
        for (var i = 0; i < Size; i++) _originalDiagonal[i] = Values[IndexOf(i, i)];
        for (var i = 0; i < Size; i++)
        {
            var fi = First[i];
            var rowI = _rowStart[i] - fi;
            for (var j = fi; j < i; j++)
            {
                var k0 = Math.Max(fi, First[j]);
                var rowJ = _rowStart[j] - First[j];
                var sum = a[rowI + j] - EnvelopeCholesky.Dot(a.Slice(rowI + k0, j - k0), a.Slice(rowJ + k0, j - k0));
                a[rowI + j] = sum / a[rowJ + j];
            }
            var pivot = a[rowI + i] - EnvelopeCholesky.Dot(a.Slice(rowI + fi, i - fi), a.Slice(rowI + fi, i - fi));
            var floor = EnvelopeCholesky.RelativePivotFloor * _originalDiagonal[i];
            // A tiny absolute floor keeps a diagonal that underflowed (Θ → 0) invertible.
            if (!(pivot > floor) || !double.IsFinite(pivot)) pivot = Math.Max(floor, 1e-300);
            a[rowI + i] = Math.Sqrt(pivot);
        }
    }

    /// <summary>Solves L y = b in place, where b is zero before position <paramref name="from"/>.</summary>
    public void ForwardSolve(Span<double> b, int from = 0)
    {
        var a = Values.AsSpan();
        for (var i = from; i < Size; i++)
        {
            var k0 = Math.Max(First[i], from);
            var rowI = _rowStart[i] - First[i];
            b[i] = (b[i] - EnvelopeCholesky.Dot(a.Slice(rowI + k0, i - k0), b.Slice(k0, i - k0))) / a[rowI + i];
        }
    }

    /// <summary>Solves Lᵀ x = y in place.</summary>
    public void BackwardSolve(Span<double> y)
    {
        var a = Values;
        for (var i = Size - 1; i >= 0; i--)
        {
            var rowI = _rowStart[i] - First[i];
            var xi = y[i] / a[rowI + i];
            y[i] = xi;
            for (var k = First[i]; k < i; k++) y[k] -= a[rowI + k] * xi;
        }
    }
}
