using ActorTrader.Quant.Clustering;
using ActorTrader.Quant.Estimators;
using ActorTrader.Quant.Returns;
using ActorTrader.Quant.Tests.Returns;
using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Quant.Tests.Clustering;

/// <summary>Leaf orders and cuts against scipy 1.10's linkage / to_tree().pre_order() / fcluster on stock_prices_20.</summary>
public sealed class ClusteringReferenceTests
{
    private static readonly Matrix<double> Distances =
        CorrelationDistance.FromCorrelation(SampleCorrelation.Estimate(PriceReturns.Simple(StockPrices20.Prices())));

    [Theory]
    [InlineData(Linkage.Single, new[] { 12, 6, 15, 14, 2, 7, 10, 3, 17, 11, 19, 13, 4, 1, 0, 16, 5, 9, 8, 18 })]
    [InlineData(Linkage.Complete, new[] { 4, 2, 3, 14, 10, 13, 7, 17, 6, 1, 0, 16, 9, 5, 8, 18, 11, 19, 12, 15 })]
    [InlineData(Linkage.Average, new[] { 14, 12, 15, 6, 2, 3, 4, 1, 0, 16, 7, 17, 11, 19, 10, 13, 9, 5, 8, 18 })]
    [InlineData(Linkage.Ward, new[] { 1, 0, 16, 4, 2, 3, 11, 19, 12, 15, 6, 14, 8, 18, 5, 9, 10, 13, 7, 17 })]
    public void Quasi_diagonal_order_matches_scipy(Linkage linkage, int[] expected)
    {
        var order = QuasiDiagonalisation.Order(HierarchicalClustering.Build(Distances, linkage));

        Assert.Equal(expected, order);
    }

    [Theory]
    [InlineData(Linkage.Single, new[] { 1, 1, 1, 1, 1, 1, 3, 1, 1, 1, 1, 1, 4, 1, 1, 2, 1, 1, 1, 1 })]
    [InlineData(Linkage.Complete, new[] { 3, 3, 1, 1, 1, 3, 3, 2, 3, 3, 2, 3, 3, 2, 4, 3, 3, 2, 3, 3 })]
    [InlineData(Linkage.Average, new[] { 2, 2, 2, 2, 2, 2, 3, 2, 2, 2, 2, 2, 1, 2, 4, 1, 2, 2, 2, 2 })]
    [InlineData(Linkage.Ward, new[] { 1, 1, 1, 1, 1, 3, 2, 4, 3, 3, 4, 2, 2, 4, 2, 2, 1, 4, 3, 2 })]
    public void Cut_to_four_clusters_is_the_same_partition_as_scipy_fcluster(Linkage linkage, int[] scipyLabels)
    {
        var labels = ClusterCut.ToCount(HierarchicalClustering.Build(Distances, linkage), 4);

        Assert.Equal(Partition(scipyLabels), Partition(labels));
    }

    [Fact]
    public void Cut_at_a_distance_above_the_root_gives_one_cluster()
    {
        var tree = HierarchicalClustering.Build(Distances, Linkage.Average);

        Assert.All(ClusterCut.AtDistance(tree, tree.Merges[^1].Distance), label => Assert.Equal(0, label));
    }

    [Fact]
    public void Cut_at_zero_distance_keeps_every_asset_apart()
    {
        var tree = HierarchicalClustering.Build(Distances, Linkage.Complete);

        Assert.Equal(20, ClusterCut.AtDistance(tree, 0).Distinct().Count());
    }

    // 10.43293842144373 is the exact minimum over all child flips, from an independent brute-force dynamic
    // programme in Python; scipy 1.10's optimal_leaf_ordering returned a longer path (10.533436576537945).
    [Fact]
    public void Optimal_leaf_ordering_reaches_the_exact_minimum_path_length()
    {
        var tree = HierarchicalClustering.Build(Distances, Linkage.Average);

        var ordered = OptimalLeafOrdering.Apply(tree, Distances);

        Assert.Equal(10.43293842144373, PathLength(ordered.LeafOrder()), 10);
    }

    [Fact]
    public void Optimal_leaf_ordering_shortens_the_path_of_the_plain_order()
    {
        var tree = HierarchicalClustering.Build(Distances, Linkage.Average);

        Assert.True(PathLength(OptimalLeafOrdering.Apply(tree, Distances).LeafOrder()) < PathLength(tree.LeafOrder()));
    }

    [Fact]
    public void Optimal_leaf_ordering_keeps_the_merges()
    {
        var tree = HierarchicalClustering.Build(Distances, Linkage.Ward);

        var ordered = OptimalLeafOrdering.Apply(tree, Distances);

        Assert.Equal(tree.Merges.Select(m => (Math.Min(m.Left, m.Right), Math.Max(m.Left, m.Right), m.Distance)),
            ordered.Merges.Select(m => (Math.Min(m.Left, m.Right), Math.Max(m.Left, m.Right), m.Distance)));
    }

    [Fact]
    public void Merges_that_reuse_a_cluster_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new Dendrogram(3, [new Merge(0, 1, 0.1, 2), new Merge(0, 2, 0.2, 2)]));
    }

    [Fact]
    public void Negative_distance_is_rejected()
    {
        var distances = Matrix<double>.Build.DenseOfArray(new[,] { { 0.0, -1.0 }, { -1.0, 0.0 } });

        Assert.Throws<ArgumentException>(() => HierarchicalClustering.Build(distances));
    }

    private static double PathLength(IReadOnlyList<int> order) =>
        Enumerable.Range(1, order.Count - 1).Sum(k => Distances[order[k - 1], order[k]]);

    private static string[] Partition(int[] labels) =>
        labels.Select((label, asset) => (label, asset)).GroupBy(p => p.label)
            .Select(g => string.Join(",", g.Select(p => p.asset))).Order().ToArray();
}
