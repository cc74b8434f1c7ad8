namespace ActorTrader.Quant.Solvers.Lp;

/// <summary>
/// Reverse Cuthill–McKee ordering of an undirected graph: breadth-first from a lowest-degree node of each component,
/// neighbours by increasing degree, then reversed. It keeps the profile of banded problems (a drawdown recursion, its
/// excess rows and their slacks) a few entries wide. Ties break by node index, so the order is deterministic.
/// </summary>
internal static class ReverseCuthillMcKee
{
    /// <summary>Position → node. <paramref name="neighbours"/> must be symmetric and free of self-loops.</summary>
    public static int[] Order(IReadOnlyList<int[]> neighbours)
    {
        var n = neighbours.Count;
        var byDegree = Enumerable.Range(0, n).OrderBy(v => neighbours[v].Length).ThenBy(v => v).ToArray();
        var visited = new bool[n];
        var order = new int[n];
        var count = 0;
        var candidates = new List<int>();
        foreach (var start in byDegree)
        {
            if (visited[start]) continue;
            visited[start] = true;
            var head = count;
            order[count++] = start;
            while (head < count)
            {
                var node = order[head++];
                candidates.Clear();
                foreach (var next in neighbours[node]) if (!visited[next]) candidates.Add(next);
                candidates.Sort((a, b) => neighbours[a].Length != neighbours[b].Length ? neighbours[a].Length.CompareTo(neighbours[b].Length) : a.CompareTo(b));
                foreach (var next in candidates)
                {
                    visited[next] = true;
                    order[count++] = next;
                }
            }
        }
        Array.Reverse(order);
        return order;
    }
}
