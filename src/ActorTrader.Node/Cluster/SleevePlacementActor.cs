using ActorTrader.Actors;
using ActorTrader.Cluster.Membership;
using ActorTrader.Cluster.Placement;

namespace ActorTrader.Node.Cluster;

/// <summary>
/// Where each sleeve of the trading profile runs: rendezvous hashing over the reachable trader nodes, recomputed when a
/// member comes up, becomes unreachable or is removed, and on <c>actortrader rebalance --cluster</c>. Every trader node
/// computes the same table from the same member list, so no node has to announce it; changes are logged.
/// </summary>
internal sealed class SleevePlacementActor : ReceiveActor
{
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly IReadOnlyList<string> _sleeves;
    private readonly IActorRef _membership;
    private IReadOnlyDictionary<string, string> _placement = new Dictionary<string, string>(StringComparer.Ordinal);
    private IReadOnlyList<Member> _members = [];

    public SleevePlacementActor(IReadOnlyList<string> sleeves, IActorRef membership)
    {
        _sleeves = sleeves;
        _membership = membership;
        Receive<MemberUp>(_ => Refresh());
        Receive<MemberUnreachable>(_ => Refresh());
        Receive<MemberReachable>(_ => Refresh());
        Receive<MemberRemoved>(_ => Refresh());
        Receive<RedistributeSleeves>(_ => Refresh());
        Receive<CurrentClusterState>(state => Place(state.Members));
        Receive<GetSleevePlacement>(_ => Sender.Tell(new SleevePlacementView(_placement), Self));
    }

    public static Props CreateProps(IReadOnlyList<string> sleeves, IActorRef membership) => Props.Create(() => new SleevePlacementActor(sleeves, membership));

    protected override void PreStart()
    {
        var events = Context.System.EventStream;
        events.Subscribe(Self, typeof(MemberUp));
        events.Subscribe(Self, typeof(MemberUnreachable));
        events.Subscribe(Self, typeof(MemberReachable));
        events.Subscribe(Self, typeof(MemberRemoved));
        Refresh();
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private void Refresh() => _membership.Tell(GetClusterState.Instance, Self);

    private void Place(IReadOnlyList<Member> members)
    {
        _members = members;
        var placement = SleevePlacement.Assign(_sleeves, _members);
        var moved = placement.Where(p => !_placement.TryGetValue(p.Key, out var before) || before != p.Value).Select(p => $"{p.Key} -> {p.Value}").ToList();
        _placement = placement;
        if (moved.Count > 0) _log.Info("Sleeve placement over {Nodes} trader node(s): {Moved}", placement.Values.Distinct().Count(), string.Join(", ", moved));
    }
}

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
