using System.Numerics;

namespace ActorTrader.Quant.Solvers.Qp;

/// <summary>SIMD kernels for the solver's inner loops (dot product, axpy, plane rotation of two rows).</summary>
internal static class DenseMath
{
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var length = Math.Min(a.Length, b.Length);
        var sum = 0.0;
        var i = 0;
        if (Vector.IsHardwareAccelerated && length >= Vector<double>.Count * 2)
        {
            var acc = Vector<double>.Zero;
            for (; i <= length - Vector<double>.Count; i += Vector<double>.Count)
            {
                acc += new Vector<double>(a.Slice(i)) * new Vector<double>(b.Slice(i));
            }
            sum = Vector.Sum(acc);
        }
        for (; i < length; i++) sum += a[i] * b[i];
        return sum;
    }

    /// <summary>y += alpha·x.</summary>
    public static void Axpy(double alpha, ReadOnlySpan<double> x, Span<double> y)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var a = new Vector<double>(alpha);
            for (; i <= x.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                (new Vector<double>(y.Slice(i)) + a * new Vector<double>(x.Slice(i))).CopyTo(y.Slice(i));
            }
        }
        for (; i < x.Length; i++) y[i] += alpha * x[i];
    }

    /// <summary>The reflection (a, b) ← (c·a + s·b, s·a − c·b) applied elementwise to two rows.</summary>
    public static void Reflect(Span<double> a, Span<double> b, double c, double s)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vc = new Vector<double>(c);
            var vs = new Vector<double>(s);
            for (; i <= a.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                var va = new Vector<double>(a.Slice(i));
                var vb = new Vector<double>(b.Slice(i));
                (vc * va + vs * vb).CopyTo(a.Slice(i));
                (vs * va - vc * vb).CopyTo(b.Slice(i));
            }
        }
        for (; i < a.Length; i++)
        {
            var ai = a[i];
            var bi = b[i];
            a[i] = c * ai + s * bi;
            b[i] = s * ai - c * bi;
        }
    }
}
