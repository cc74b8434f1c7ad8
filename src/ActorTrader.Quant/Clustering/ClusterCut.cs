namespace ActorTrader.Quant.Clustering;

/// <summary>
/// Flat cluster assignment from a dendrogram (scipy <c>fcluster</c> maxclust / distance criteria). Labels are
/// 0..k−1, numbered in order of each cluster's lowest asset index.
/// </summary>
public static class ClusterCut
{
    /// <summary>Exactly <paramref name="clusters"/> clusters: the last <paramref name="clusters"/> − 1 merges are undone.</summary>
    public static int[] ToCount(Dendrogram dendrogram, int clusters)
    {
        ArgumentNullException.ThrowIfNull(dendrogram);
        if (clusters < 1 || clusters > dendrogram.LeafCount)
        {
            throw new ArgumentOutOfRangeException(nameof(clusters), clusters, $"The number of clusters must be between 1 and {dendrogram.LeafCount}.");
        }
        return Apply(dendrogram, dendrogram.LeafCount - clusters);
    }

    /// <summary>Clusters whose members are joined at a distance ≤ <paramref name="threshold"/>.</summary>
    public static int[] AtDistance(Dendrogram dendrogram, double threshold)
    {
        ArgumentNullException.ThrowIfNull(dendrogram);
        if (double.IsNaN(threshold)) throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The distance threshold must be a number.");
        var count = 0;
        while (count < dendrogram.Merges.Count && dendrogram.Merges[count].Distance <= threshold) count++;
        return Apply(dendrogram, count);
    }

    private static int[] Apply(Dendrogram dendrogram, int mergeCount)
    {
        var n = dendrogram.LeafCount;
        var owner = new int[2 * n - 1];
        for (var i = 0; i < owner.Length; i++) owner[i] = i;
        // Each applied merge points both children at the new cluster; path lookup finds a leaf's top cluster.
        for (var k = 0; k < mergeCount; k++)
        {
            var merge = dendrogram.Merges[k];
            owner[merge.Left] = n + k;
            owner[merge.Right] = n + k;
        }
        var labels = new int[n];
        var labelOf = new Dictionary<int, int>();
        for (var i = 0; i < n; i++)
        {
            var top = i;
            while (owner[top] != top) top = owner[top];
            if (!labelOf.TryGetValue(top, out var label))
            {
                label = labelOf.Count;
                labelOf[top] = label;
            }
            labels[i] = label;
        }
        return labels;
    }
}
