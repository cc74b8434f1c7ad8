using System.Numerics;
using System.Runtime.InteropServices;

namespace ActorTrader.Quant.Solvers.Lp;

/// <summary>
/// In-place Cholesky LLᵀ of a symmetric positive semi-definite row-major matrix whose row i is zero left of
/// <c>first[i]</c> (the envelope, which the factor preserves). Interior-point normal matrices become singular as
/// iterates converge; a pivot that collapses below <see cref="RelativePivotFloor"/> of its original diagonal is
/// replaced by a huge value, which zeroes that component of the solution instead of amplifying round-off.
/// </summary>
internal static class EnvelopeCholesky
{
    public const double RelativePivotFloor = 1e-14;
    private const double HugePivot = 1e64;

    public static void Factor(double[] a, int n, int[] first)
    {
        var diagonal = new double[n];
        for (var i = 0; i < n; i++) diagonal[i] = a[i * n + i];
        var span = a.AsSpan();
        for (var i = 0; i < n; i++)
        {
            var rowI = i * n;
            var fi = first[i];
            for (var j = fi; j < i; j++)
            {
                var k0 = Math.Max(fi, first[j]);
                var rowJ = j * n;
                var sum = a[rowI + j] - Dot(span.Slice(rowI + k0, j - k0), span.Slice(rowJ + k0, j - k0));
                a[rowI + j] = sum / a[rowJ + j];
            }
            var pivot = a[rowI + i] - Dot(span.Slice(rowI + fi, i - fi), span.Slice(rowI + fi, i - fi));
            a[rowI + i] = pivot > RelativePivotFloor * diagonal[i] && double.IsFinite(pivot) ? Math.Sqrt(pivot) : HugePivot;
        }
    }

    /// <summary>Solves LLᵀx = b in place (b becomes x).</summary>
    public static void Solve(double[] l, int n, int[] first, Span<double> b)
    {
        var span = l.AsSpan();
        for (var i = 0; i < n; i++)
        {
            var rowI = i * n;
            var fi = first[i];
            b[i] = (b[i] - Dot(span.Slice(rowI + fi, i - fi), b.Slice(fi, i - fi))) / l[rowI + i];
        }
        for (var i = n - 1; i >= 0; i--)
        {
            var rowI = i * n;
            var xi = b[i] / l[rowI + i];
            b[i] = xi;
            for (var k = first[i]; k < i; k++) b[k] -= l[rowI + k] * xi;
        }
    }

    internal static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var sum = 0.0;
        var k = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= 2 * Vector<double>.Count)
        {
            var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
            var vy = MemoryMarshal.Cast<double, Vector<double>>(y);
            var acc = Vector<double>.Zero;
            for (var v = 0; v < vx.Length; v++) acc += vx[v] * vy[v];
            sum = Vector.Sum(acc);
            k = vx.Length * Vector<double>.Count;
        }
        for (; k < x.Length; k++) sum += x[k] * y[k];
        return sum;
    }
}
