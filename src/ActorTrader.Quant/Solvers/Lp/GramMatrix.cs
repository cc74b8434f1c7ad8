using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ActorTrader.Quant.Solvers.Lp;

/// <summary>
/// C += X Xᵀ (lower triangle) for X stored as n contiguous rows: the O(length·n²) kernel of the dense-column Schur
/// complement. Blocked over the depth so a panel of all rows stays in cache, and over 4×4 tiles of C so each loaded
/// vector feeds four multiply-adds. Rows of tiles are shared among threads; every entry of C is owned by exactly one
/// tile and accumulated over the depth blocks in a fixed order, so results are bit-identical for any thread count.
/// </summary>
internal static class GramMatrix
{
    private const int Tile = 4;
    private const int DepthBlock = 512;

    /// <summary>Below this many rows the work per depth block is too small to be worth handing to other threads.</summary>
    private const int MinimumParallelRows = 64;

    /// <param name="x">n rows of <paramref name="length"/> values, row-major.</param>
    /// <param name="n">Number of rows of X (size of C).</param>
    /// <param name="length">Length of each row of X.</param>
    /// <param name="c">n×n row-major; only entries with column ≤ row are updated.</param>
    public static void AddLower(double[] x, int n, int length, double[] c) => AddLower(x, n, length, c, Environment.ProcessorCount);

    /// <summary>As <see cref="AddLower(double[], int, int, double[])"/> on at most <paramref name="threads"/> threads.</summary>
    public static void AddLower(double[] x, int n, int length, double[] c, int threads)
    {
        var tileRows = n / Tile;
        var remainder = n % Tile;
        var items = tileRows + remainder;
        var parallel = threads > 1 && n >= MinimumParallelRows;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) };
        for (var k0 = 0; k0 < length; k0 += DepthBlock)
        {
            var depth = Math.Min(DepthBlock, length - k0);
            var block = k0;
            if (parallel)
            {
                Parallel.For(0, items, options, item => AddRowOfTiles(x, n, length, block, depth, c, item));
            }
            else
            {
                for (var item = 0; item < items; item++) AddRowOfTiles(x, n, length, block, depth, c, item);
            }
        }
    }

    /// <summary>
    /// One unit of work: the most expensive tile rows come first (item 0 is the last tile row) so that dynamic
    /// scheduling balances the triangle; the n mod 4 leftover rows are the final items.
    /// </summary>
    private static void AddRowOfTiles(double[] x, int n, int length, int k0, int depth, double[] c, int item)
    {
        var tileRows = n / Tile;
        if (item < tileRows)
        {
            var i = (tileRows - 1 - item) * Tile;
            for (var j = 0; j <= i; j += Tile) AddTile(x, length, k0, depth, i, j, n, c);
            return;
        }
        var row = tileRows * Tile + item - tileRows;
        var rowI = x.AsSpan(row * length + k0, depth);
        for (var j = 0; j <= row; j++) c[row * n + j] += EnvelopeCholesky.Dot(rowI, x.AsSpan(j * length + k0, depth));
    }

    private static void AddTile(double[] x, int length, int k0, int depth, int i, int j, int n, double[] c)
    {
        var width = Vector<double>.Count;
        var vectorEnd = depth - depth % width;
        ref var origin = ref MemoryMarshal.GetArrayDataReference(x);
        ref var a0 = ref Unsafe.Add(ref origin, i * length + k0);
        ref var a1 = ref Unsafe.Add(ref a0, length);
        ref var a2 = ref Unsafe.Add(ref a1, length);
        ref var a3 = ref Unsafe.Add(ref a2, length);
        ref var b0 = ref Unsafe.Add(ref origin, j * length + k0);
        ref var b1 = ref Unsafe.Add(ref b0, length);
        ref var b2 = ref Unsafe.Add(ref b1, length);
        ref var b3 = ref Unsafe.Add(ref b2, length);
        Vector<double> s00 = default, s01 = default, s02 = default, s03 = default;
        Vector<double> s10 = default, s11 = default, s12 = default, s13 = default;
        Vector<double> s20 = default, s21 = default, s22 = default, s23 = default;
        Vector<double> s30 = default, s31 = default, s32 = default, s33 = default;
        for (var k = 0; k < vectorEnd; k += width)
        {
            var v0 = Vector.LoadUnsafe(ref b0, (nuint)k);
            var v1 = Vector.LoadUnsafe(ref b1, (nuint)k);
            var v2 = Vector.LoadUnsafe(ref b2, (nuint)k);
            var v3 = Vector.LoadUnsafe(ref b3, (nuint)k);
            var u = Vector.LoadUnsafe(ref a0, (nuint)k);
            s00 = Vector.MultiplyAddEstimate(u, v0, s00);
            s01 = Vector.MultiplyAddEstimate(u, v1, s01);
            s02 = Vector.MultiplyAddEstimate(u, v2, s02);
            s03 = Vector.MultiplyAddEstimate(u, v3, s03);
            u = Vector.LoadUnsafe(ref a1, (nuint)k);
            s10 = Vector.MultiplyAddEstimate(u, v0, s10);
            s11 = Vector.MultiplyAddEstimate(u, v1, s11);
            s12 = Vector.MultiplyAddEstimate(u, v2, s12);
            s13 = Vector.MultiplyAddEstimate(u, v3, s13);
            u = Vector.LoadUnsafe(ref a2, (nuint)k);
            s20 = Vector.MultiplyAddEstimate(u, v0, s20);
            s21 = Vector.MultiplyAddEstimate(u, v1, s21);
            s22 = Vector.MultiplyAddEstimate(u, v2, s22);
            s23 = Vector.MultiplyAddEstimate(u, v3, s23);
            u = Vector.LoadUnsafe(ref a3, (nuint)k);
            s30 = Vector.MultiplyAddEstimate(u, v0, s30);
            s31 = Vector.MultiplyAddEstimate(u, v1, s31);
            s32 = Vector.MultiplyAddEstimate(u, v2, s32);
            s33 = Vector.MultiplyAddEstimate(u, v3, s33);
        }
        Span<double> sums =
        [
            Vector.Sum(s00), Vector.Sum(s01), Vector.Sum(s02), Vector.Sum(s03),
            Vector.Sum(s10), Vector.Sum(s11), Vector.Sum(s12), Vector.Sum(s13),
            Vector.Sum(s20), Vector.Sum(s21), Vector.Sum(s22), Vector.Sum(s23),
            Vector.Sum(s30), Vector.Sum(s31), Vector.Sum(s32), Vector.Sum(s33),
        ];
        for (var r = 0; r < Tile; r++)
        {
            var rowOffset = (i + r) * length + k0;
            for (var q = 0; q < Tile; q++)
            {
                // The diagonal tile also computes its upper half; only the lower half is stored.
                if (j + q > i + r) continue;
                var sum = sums[r * Tile + q];
                var colOffset = (j + q) * length + k0;
                for (var k = vectorEnd; k < depth; k++) sum += x[rowOffset + k] * x[colOffset + k];
                c[(i + r) * n + j + q] += sum;
            }
        }
    }
}
