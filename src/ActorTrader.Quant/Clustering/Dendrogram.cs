namespace ActorTrader.Quant.Clustering;

/// <summary>
/// A binary cluster tree over <see cref="LeafCount"/> assets as scipy's linkage matrix: <see cref="Merges"/>[k]
/// forms cluster id LeafCount + k from two earlier ids, in non-decreasing distance order.
/// </summary>
public sealed class Dendrogram
{
    /// <summary>A dendrogram from its merges; checks that every id is formed before it is used, exactly once.</summary>
    public Dendrogram(int leafCount, IReadOnlyList<Merge> merges)
    {
        ArgumentNullException.ThrowIfNull(merges);
        if (leafCount < 1) throw new ArgumentOutOfRangeException(nameof(leafCount), leafCount, "A dendrogram needs at least one leaf.");
        if (merges.Count != leafCount - 1) throw new ArgumentException($"{leafCount} leaves need {leafCount - 1} merges; got {merges.Count}.", nameof(merges));
        var used = new bool[2 * leafCount - 1];
        for (var k = 0; k < merges.Count; k++)
        {
            foreach (var child in new[] { merges[k].Left, merges[k].Right })
            {
                if (child < 0 || child >= leafCount + k || used[child])
                {
                    throw new ArgumentException($"Merge {k} uses cluster {child}, which is not an unused earlier cluster.", nameof(merges));
                }
                used[child] = true;
            }
        }
        LeafCount = leafCount;
        Merges = merges;
    }

    /// <summary>Number of assets.</summary>
    public int LeafCount { get; }

    /// <summary>Merges in order; row k forms cluster id <see cref="LeafCount"/> + k.</summary>
    public IReadOnlyList<Merge> Merges { get; }

    /// <summary>Id of the root cluster (the whole universe).</summary>
    public int Root => 2 * LeafCount - 2;

    /// <summary>
    /// The assets in pre-order (left subtree first), scipy's <c>to_tree().pre_order()</c>: López de Prado's
    /// quasi-diagonal order, which puts similar assets next to each other.
    /// </summary>
    public IReadOnlyList<int> LeafOrder() => LeavesOf(Root);

    /// <summary>The assets under cluster <paramref name="id"/>, in pre-order.</summary>
    public IReadOnlyList<int> LeavesOf(int id)
    {
        var leaves = new List<int>();
        var stack = new Stack<int>();
        stack.Push(id);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node < LeafCount)
            {
                leaves.Add(node);
                continue;
            }
            var merge = Merges[node - LeafCount];
            stack.Push(merge.Right);
            stack.Push(merge.Left);
        }
        return leaves;
    }
}
