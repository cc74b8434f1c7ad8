using ActorTrader.Cluster.Membership;

namespace ActorTrader.Cluster.Placement;

/// <summary>Which node runs which sleeve: rendezvous hashing over the members that are up and have the role.</summary>
public static class SleevePlacement
{
    /// <summary>
    /// Sleeve name → node name, ordered by sleeve name. Every node computes the same map from the same members. Empty
    /// when no member is up with <paramref name="role"/> (nothing can run).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Assign(IEnumerable<string> sleeves, IEnumerable<Member> members, string role = "trader")
    {
        ArgumentNullException.ThrowIfNull(sleeves);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentException.ThrowIfNullOrEmpty(role);
        var nodes = members
            .Where(m => m.Status == MemberStatus.Up && m.HasRole(role))
            .Select(m => m.NodeName)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        var assignment = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (nodes.Length == 0) return assignment;
        foreach (var sleeve in sleeves)
        {
            assignment[sleeve] = RendezvousHash.Owner(sleeve, nodes)!;
        }

        return assignment;
    }
}
