namespace ActorTrader.Cluster.WorkQueues;

/// <summary>The status values of cluster_work.status.</summary>
public static class WorkStatus
{
    public const string Ready = "ready";
    public const string Claimed = "claimed";
    public const string Done = "done";
    public const string Dead = "dead";
}
