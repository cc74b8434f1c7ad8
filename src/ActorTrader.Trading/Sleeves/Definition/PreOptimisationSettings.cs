namespace ActorTrader.Trading.Sleeves.Definition;

/// <summary>
/// Pre-optimisation: candidates whose returns correlate at least <see cref="CorrelationThreshold"/> form a cluster, of
/// which the <see cref="MaxPerCluster"/> best by Sharpe are kept; regime caps limit the total weight of each correlation
/// cluster (<see cref="ClusterCap"/>), of all short legs (<see cref="ShortCap"/>) and of all fragile candidates
/// (<see cref="FragileCap"/>: negative convexity to the market and a tail ratio below 1). A cap of 1 is no cap.
/// </summary>
public sealed record PreOptimisationSettings(double CorrelationThreshold, int MaxPerCluster, double ClusterCap, double ShortCap, double FragileCap)
{
    public static PreOptimisationSettings Default { get; } = new(0.9, 3, 1.0, 1.0, 1.0);
}
