namespace ActorTrader.Quant.Clustering;

/// <summary>
/// One row of a scipy linkage matrix: clusters <see cref="Left"/> and <see cref="Right"/> (ids below the leaf count
/// are assets, id n+k is the cluster formed by merge k) joined at <see cref="Distance"/> into a cluster of
/// <see cref="Size"/> assets. <see cref="Left"/> &lt; <see cref="Right"/> as scipy labels them.
/// </summary>
public readonly record struct Merge(int Left, int Right, double Distance, int Size);
