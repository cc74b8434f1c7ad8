using ActorTrader.Cluster.Leases;

namespace ActorTrader.Node.Cluster;

/// <summary>Place the sleeves again now (the control bus's rebalance-cluster).</summary>
internal sealed record RedistributeSleeves
{
    public static RedistributeSleeves Instance { get; } = new();
}

/// <summary>Asks for the current placement; answered with <see cref="SleevePlacementView"/>.</summary>
internal sealed record GetSleevePlacement
{
    public static GetSleevePlacement Instance { get; } = new();
}

/// <summary>Sleeve name → node name.</summary>
internal sealed record SleevePlacementView(IReadOnlyDictionary<string, string> Sleeves);

/// <summary>
/// This node runs sleeves now (its sleeve host started): hold the lease of every sleeve placed on <paramref name="Node"/>
/// as <paramref name="Holder"/>, renewed every third of <paramref name="Ttl"/>.
/// </summary>
internal sealed record HoldSleeveLeases(LeaseStore Store, string Node, string Holder, TimeSpan Ttl);

/// <summary>Published on the event stream when the set of sleeve leases node <paramref name="Node"/> holds changed (sleeve names, ordinal order).</summary>
internal sealed record SleeveLeasesHeld(string Node, IReadOnlyList<string> Sleeves);

internal sealed record LeaseRoundDue
{
    public static LeaseRoundDue Instance { get; } = new();
}

/// <summary>A lease round ended: the leases now held, what was taken, released, or is placed here but held elsewhere.</summary>
internal sealed record LeaseRoundDone(
    Dictionary<string, LeaseGrant> Held,
    IReadOnlyList<string> Taken,
    IReadOnlyList<string> Released,
    IReadOnlyList<string> Waiting,
    Exception? Error);
