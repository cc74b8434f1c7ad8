namespace ActorTrader.Cluster.Leases;

/// <summary>A lease row as any node sees it (status pages, the CLI, standby managers).</summary>
/// <param name="Holder">The last holder; null when the lease was never taken.</param>
/// <param name="Held">Whether the lease is unexpired by the database's clock at the time of the read.</param>
public sealed record LeaseView(string Name, string? Holder, long Epoch, DateTimeOffset ExpiresAt, bool Held);
