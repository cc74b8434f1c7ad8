namespace ActorTrader.Cluster.Leases;

/// <summary>
/// Which persistence ids a lease fences: one id (<see cref="Exact"/>) or every id starting with a prefix
/// (<see cref="Prefix"/>). An exact scope beats a prefix and the longest prefix wins, in the database and in
/// <see cref="LeaseEpochs"/> alike.
/// </summary>
public sealed record LeaseScope(string Pattern, bool IsPrefix)
{
    public static LeaseScope Exact(string persistenceId)
    {
        ArgumentException.ThrowIfNullOrEmpty(persistenceId);
        return new LeaseScope(persistenceId, false);
    }

    public static LeaseScope Prefix(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        return new LeaseScope(prefix, true);
    }
}
