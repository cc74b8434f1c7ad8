namespace ActorTrader.Cluster.Membership;

/// <summary>One node of the cluster as its row in cluster_members says.</summary>
/// <param name="Incarnation">A fresh id per process start: the same node name with a new incarnation is a restarted node.</param>
/// <param name="Address">The node's management API URL.</param>
public sealed record Member(
    string NodeName,
    Guid Incarnation,
    string Address,
    IReadOnlyList<string> Roles,
    string Version,
    DateTimeOffset StartedAt,
    DateTimeOffset HeartbeatAt,
    MemberStatus Status)
{
    public bool HasRole(string role) => Roles.Contains(role, StringComparer.Ordinal);
}
