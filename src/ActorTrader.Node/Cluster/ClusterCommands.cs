namespace ActorTrader.Node.Cluster;

/// <summary>The control-log command names nodes apply (see <see cref="ClusterControlApplier"/>).</summary>
internal static class ClusterCommands
{
    public const string Halt = "halt";
    public const string Resume = "resume";
    public const string Rebalance = "rebalance";

    /// <summary><c>actortrader rebalance --cluster</c>: trader nodes place the sleeves again over the current members.</summary>
    public const string RebalanceCluster = "rebalance-cluster";
}
