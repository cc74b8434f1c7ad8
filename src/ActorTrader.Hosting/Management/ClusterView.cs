namespace ActorTrader.Hosting.Management;

/// <summary>
/// <c>GET /api/cluster</c>: the cluster as the answering node sees it — members and their reachability, the leases and
/// who holds them, how far this node applied the control log, and which trader node runs each sleeve.
/// </summary>
public sealed record ClusterView(
    string Node,
    IReadOnlyList<ClusterMemberView> Members,
    IReadOnlyList<ClusterLeaseView> Leases,
    long ControlApplied,
    bool ControlListening,
    IReadOnlyDictionary<string, string> SleevePlacement);

/// <param name="Status">up, unreachable or left.</param>
public sealed record ClusterMemberView(string Node, string Status, string Address, IReadOnlyList<string> Roles, string Version, DateTimeOffset StartedAt, DateTimeOffset HeartbeatAt);

/// <param name="Holder">The holding node while <paramref name="Held"/>; null when the lease is free.</param>
public sealed record ClusterLeaseView(string Name, string? Holder, long Epoch, DateTimeOffset ExpiresAt, bool Held);
