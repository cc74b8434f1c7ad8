using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Quant.Clustering;

/// <summary>
/// Optimal leaf ordering (Bar-Joseph, Gifford and Jaakkola 2001; scipy <c>optimal_leaf_ordering</c>): flips the
/// children of dendrogram nodes, without changing the tree, so that the sum of distances between neighbouring
/// leaves is minimal. O(n³) time, O(n²) memory (each leaf pair has one lowest common ancestor).
/// Ties, and the orientation of the whole order, may resolve differently from scipy.
/// </summary>
public static class OptimalLeafOrdering
{
    /// <summary>A dendrogram with the same merges as <paramref name="dendrogram"/>, children flipped to the optimal order.</summary>
    public static Dendrogram Apply(Dendrogram dendrogram, Matrix<double> distances)
    {
        ArgumentNullException.ThrowIfNull(dendrogram);
        ArgumentNullException.ThrowIfNull(distances);
        var n = dendrogram.LeafCount;
        if (distances.RowCount != n || distances.ColumnCount != n) throw new ArgumentException($"Distances must be {n}×{n}.", nameof(distances));
        if (n < 3) return dendrogram;
        var d = distances.ToArray();
        var cost = new double[n, n];
        var leaves = new int[2 * n - 1][];
        for (var i = 0; i < n; i++) leaves[i] = [i];
        var scratch = new double[n];
        for (var k = 0; k < n - 1; k++)
        {
            var merge = dendrogram.Merges[k];
            var left = leaves[merge.Left];
            var right = leaves[merge.Right];
            leaves[n + k] = [.. left, .. right];
            Combine(dendrogram, merge.Left, merge.Right, leaves, d, cost, scratch);
            Combine(dendrogram, merge.Right, merge.Left, leaves, d, cost, scratch);
        }

        // Best pair of ends at the root, then walk down choosing each node's inner ends.
        var root = dendrogram.Merges[n - 2];
        var (bestI, bestJ, best) = (-1, -1, double.PositiveInfinity);
        foreach (var i in leaves[root.Left])
        {
            foreach (var j in leaves[root.Right])
            {
                if (cost[i, j] < best) (bestI, bestJ, best) = (i, j, cost[i, j]);
            }
        }
        var merges = dendrogram.Merges.ToArray();
        Orient(dendrogram, dendrogram.Root, bestI, bestJ, leaves, d, cost, merges);
        return new Dendrogram(n, merges);
    }

    /// <summary>cost[i, j] for i under <paramref name="a"/> (first) and j under <paramref name="b"/> (last).</summary>
    private static void Combine(Dendrogram tree, int a, int b, int[][] leaves, double[,] d, double[,] cost, double[] scratch)
    {
        foreach (var i in leaves[a])
        {
            var innerA = InnerEnds(tree, a, i, leaves);
            // scratch[m] = min over k of cost(a: i..k) + d(k, m), for every m under b.
            foreach (var m in leaves[b])
            {
                var min = double.PositiveInfinity;
                foreach (var k in innerA) min = Math.Min(min, (k == i ? 0 : cost[i, k]) + d[k, m]);
                scratch[m] = min;
            }
            foreach (var j in leaves[b])
            {
                var min = double.PositiveInfinity;
                foreach (var m in InnerEnds(tree, b, j, leaves)) min = Math.Min(min, scratch[m] + (m == j ? 0 : cost[m, j]));
                cost[i, j] = min;
            }
        }
    }

    /// <summary>The leaves that can end node's order when it starts at <paramref name="end"/>: the other child's leaves.</summary>
    private static int[] InnerEnds(Dendrogram tree, int node, int end, int[][] leaves)
    {
        if (node < tree.LeafCount) return [node];
        var merge = tree.Merges[node - tree.LeafCount];
        return Array.IndexOf(leaves[merge.Left], end) >= 0 ? leaves[merge.Right] : leaves[merge.Left];
    }

    private static void Orient(Dendrogram tree, int node, int first, int last, int[][] leaves, double[,] d, double[,] cost, Merge[] merges)
    {
        if (node < tree.LeafCount) return;
        var index = node - tree.LeafCount;
        var merge = merges[index];
        if (Array.IndexOf(leaves[merge.Left], first) < 0) merge = merge with { Left = merge.Right, Right = merge.Left };
        merges[index] = merge;
        // Recover the inner ends k (last of left) and m (first of right) that achieve cost[first, last].
        var (bestK, bestM, best) = (-1, -1, double.PositiveInfinity);
        foreach (var k in InnerEnds(tree, merge.Left, first, leaves))
        {
            foreach (var m in InnerEnds(tree, merge.Right, last, leaves))
            {
                var total = (k == first ? 0 : cost[first, k]) + d[k, m] + (m == last ? 0 : cost[m, last]);
                if (total < best) (bestK, bestM, best) = (k, m, total);
            }
        }
        Orient(tree, merge.Left, first, bestK, leaves, d, cost, merges);
        Orient(tree, merge.Right, bestM, last, leaves, d, cost, merges);
    }
}
