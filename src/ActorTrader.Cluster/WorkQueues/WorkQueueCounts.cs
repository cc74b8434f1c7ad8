namespace ActorTrader.Cluster.WorkQueues;

/// <summary>Items of one queue by status; a claimed item whose visibility expired still counts as claimed until it is claimed again.</summary>
public sealed record WorkQueueCounts(long Ready, long Claimed, long Done, long Dead)
{
    public long Total => Ready + Claimed + Done + Dead;
}
