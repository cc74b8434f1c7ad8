using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Quant.Clustering;

/// <summary>
/// Agglomerative clustering in O(n²) time and memory, with scipy's algorithms and labelling so that trees (and
/// HRP weights built on them) match scipy's <c>linkage</c>: single linkage via Prim's minimum spanning tree, the
/// others via the nearest-neighbour chain with Lance-Williams updates; merges are then stably sorted by distance
/// and relabelled with a union-find (smaller root id on the left).
/// </summary>
public static class HierarchicalClustering
{
    /// <summary>The dendrogram of a symmetric, finite, non-negative distance matrix (the diagonal is ignored).</summary>
    public static Dendrogram Build(Matrix<double> distances, Linkage linkage = Linkage.Single)
    {
        ArgumentNullException.ThrowIfNull(distances);
        var n = distances.RowCount;
        if (n != distances.ColumnCount) throw new ArgumentException($"Distance matrix is {n}×{distances.ColumnCount}; it must be square.", nameof(distances));
        if (n == 0) throw new ArgumentException("Distance matrix is empty.", nameof(distances));
        var d = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var value = distances[i, j];
                if (i != j && (!double.IsFinite(value) || value < 0))
                {
                    throw new ArgumentException($"Distance between {i} and {j} is {value}; distances must be finite and non-negative.", nameof(distances));
                }
                d[i * n + j] = i == j ? 0 : value;
            }
        }
        var raw = linkage == Linkage.Single ? MinimumSpanningTree(d, n) : NearestNeighbourChain(d, n, linkage);
        return new Dendrogram(n, Label(raw, n));
    }

    private static List<(int X, int Y, double Distance)> MinimumSpanningTree(double[] d, int n)
    {
        var merges = new List<(int, int, double)>(n - 1);
        var merged = new bool[n];
        var nearest = new double[n];
        Array.Fill(nearest, double.PositiveInfinity);
        var x = 0;
        for (var k = 0; k < n - 1; k++)
        {
            merged[x] = true;
            var best = double.PositiveInfinity;
            var y = -1;
            for (var i = 0; i < n; i++)
            {
                if (merged[i]) continue;
                var distance = d[x * n + i];
                if (nearest[i] > distance) nearest[i] = distance;
                if (nearest[i] < best || y < 0)
                {
                    best = nearest[i];
                    y = i;
                }
            }
            merges.Add((x, y, best));
            x = y;
        }
        return merges;
    }

    private static List<(int X, int Y, double Distance)> NearestNeighbourChain(double[] d, int n, Linkage linkage)
    {
        var merges = new List<(int, int, double)>(n - 1);
        var size = new int[n];
        Array.Fill(size, 1);
        var chain = new int[n];
        var length = 0;
        for (var k = 0; k < n - 1; k++)
        {
            if (length == 0)
            {
                chain[0] = Array.FindIndex(size, s => s > 0);
                length = 1;
            }
            int x, y;
            double best;
            while (true)
            {
                x = chain[length - 1];
                // Prefer the previous chain element on ties so the chain cannot cycle.
                y = length > 1 ? chain[length - 2] : -1;
                best = length > 1 ? d[x * n + y] : double.PositiveInfinity;
                for (var i = 0; i < n; i++)
                {
                    if (size[i] == 0 || i == x) continue;
                    var distance = d[x * n + i];
                    if (distance < best || y < 0)
                    {
                        best = distance;
                        y = i;
                    }
                }
                if (length > 1 && y == chain[length - 2]) break;
                chain[length++] = y;
            }
            length -= 2;
            if (x > y) (x, y) = (y, x);
            int nx = size[x], ny = size[y];
            merges.Add((x, y, best));
            size[x] = 0;
            size[y] = nx + ny;
            for (var i = 0; i < n; i++)
            {
                var ni = size[i];
                if (ni == 0 || i == y) continue;
                var updated = Update(linkage, d[i * n + x], d[i * n + y], best, nx, ny, ni);
                d[i * n + y] = updated;
                d[y * n + i] = updated;
            }
        }
        return merges;
    }

    private static double Update(Linkage linkage, double dxi, double dyi, double dxy, int nx, int ny, int ni) => linkage switch
    {
        Linkage.Complete => Math.Max(dxi, dyi),
        Linkage.Average => (nx * dxi + ny * dyi) / (nx + ny),
        Linkage.Ward => Math.Sqrt(Math.Max(0.0,
            ((ni + nx) * dxi * dxi + (ni + ny) * dyi * dyi - ni * dxy * dxy) / (nx + ny + ni))),
        _ => throw new ArgumentOutOfRangeException(nameof(linkage), linkage, "Unknown linkage."),
    };

    /// <summary>Stable sort by distance, then scipy's labelling: each merge joins the current roots of its two points.</summary>
    private static List<Merge> Label(List<(int X, int Y, double Distance)> raw, int n)
    {
        var ordered = raw.Select((m, index) => (m, index)).OrderBy(p => p.m.Distance).ThenBy(p => p.index).Select(p => p.m).ToList();
        var parent = new int[2 * n - 1];
        var size = new int[2 * n - 1];
        for (var i = 0; i < parent.Length; i++)
        {
            parent[i] = i;
            size[i] = i < n ? 1 : 0;
        }
        int Find(int v)
        {
            var root = v;
            while (parent[root] != root) root = parent[root];
            while (parent[v] != root) (v, parent[v]) = (parent[v], root);
            return root;
        }
        var merges = new List<Merge>(n - 1);
        for (var k = 0; k < ordered.Count; k++)
        {
            var (x, y, distance) = ordered[k];
            int rx = Find(x), ry = Find(y);
            var id = n + k;
            parent[rx] = id;
            parent[ry] = id;
            size[id] = size[rx] + size[ry];
            merges.Add(new Merge(Math.Min(rx, ry), Math.Max(rx, ry), distance, size[id]));
        }
        return merges;
    }
}
