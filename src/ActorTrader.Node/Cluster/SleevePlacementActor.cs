using ActorTrader.Actors;
using ActorTrader.Cluster.Leases;
using ActorTrader.Cluster.Membership;
using ActorTrader.Cluster.Placement;
using ActorTrader.Node.Cluster.Sleeves;
using ActorTrader.Persistence.Journal;

namespace ActorTrader.Node.Cluster;

/// <summary>
/// Where each sleeve of the trading profile runs: rendezvous hashing over the reachable trader nodes, recomputed when a
/// member comes up, becomes unreachable or is removed, and on <c>actortrader rebalance --cluster</c>. Every trader node
/// computes the same table from the same member list, so no node has to announce it; changes are logged.
/// Once this node can run sleeves (<see cref="HoldSleeveLeases"/>, sent when its sleeve host started), ownership is a
/// lease <c>sleeve/&lt;name&gt;</c> per sleeve: every third of the TTL the node takes or renews the leases of the sleeves
/// placed on it and releases the others; a sleeve placed here whose lease another node still holds is taken once that
/// node released it or its lease expired. Each change of the held set is published as <see cref="SleeveLeasesHeld"/>.
/// </summary>
internal sealed class SleevePlacementActor : ReceiveActor, IWithTimers
{
    private const string LeaseTimer = "sleeve-leases";
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly IReadOnlyList<string> _sleeves;
    private readonly IActorRef _membership;
    private IReadOnlyDictionary<string, string> _placement = new Dictionary<string, string>(StringComparer.Ordinal);
    private IReadOnlyList<Member> _members = [];
    private HoldSleeveLeases? _leases;
    private Dictionary<string, LeaseGrant> _held = new(StringComparer.Ordinal);
    private bool _roundRunning;
    private bool _roundAgain;

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
        Receive<HoldSleeveLeases>(OnHold);
        Receive<LeaseRoundDue>(_ => StartRound());
        Receive<LeaseRoundDone>(OnRoundDone);
    }

    public ITimerScheduler Timers { get; set; } = null!;

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
        // A redistribution acts at once: the sleeves that moved away are released for their new owners now, not at the next renewal.
        StartRound();
    }

    private void OnHold(HoldSleeveLeases hold)
    {
        if (_leases is not null) return;
        _leases = hold;
        Timers.StartPeriodicTimer(LeaseTimer, LeaseRoundDue.Instance, hold.Ttl / 3);
        StartRound();
    }

    private void StartRound()
    {
        if (_leases is not { } leases) return;
        if (_roundRunning)
        {
            _roundAgain = true;
            return;
        }
        _roundRunning = true;
        _roundAgain = false;
        var wanted = _placement.Where(p => p.Value == leases.Node).Select(p => p.Key).ToList();
        var held = new Dictionary<string, LeaseGrant>(_held, StringComparer.Ordinal);
        RoundAsync(leases, wanted, held).PipeTo(Self, Self, done => done, e => new LeaseRoundDone(held, [], [], [], e));
    }

    /// <summary>Off the actor: releases what is no longer placed here, renews what is held, tries to take the rest.</summary>
    private static async Task<LeaseRoundDone> RoundAsync(HoldSleeveLeases leases, IReadOnlyList<string> wanted, Dictionary<string, LeaseGrant> held)
    {
        List<string> taken = [], released = [], waiting = [];
        foreach (var (sleeve, grant) in held.Where(h => !wanted.Contains(h.Key, StringComparer.Ordinal)).ToList())
        {
            held.Remove(sleeve);
            if (await leases.Store.ReleaseAsync(grant, CancellationToken.None).ConfigureAwait(false)) released.Add(sleeve);
        }
        foreach (var sleeve in wanted)
        {
            if (held.TryGetValue(sleeve, out var grant))
            {
                var renewed = await leases.Store.RenewAsync(grant, leases.Ttl, CancellationToken.None).ConfigureAwait(false);
                if (renewed is not null)
                {
                    held[sleeve] = renewed;
                    continue;
                }
                held.Remove(sleeve);
            }
            var acquired = await leases.Store.TryAcquireAsync(ClusterSleeveRuns.LeaseOf(sleeve), leases.Holder, leases.Ttl, CancellationToken.None).ConfigureAwait(false);
            if (acquired is null)
            {
                waiting.Add(sleeve);
                continue;
            }
            held[sleeve] = acquired;
            taken.Add(sleeve);
        }
        return new LeaseRoundDone(held, taken, released, waiting, null);
    }

    private void OnRoundDone(LeaseRoundDone done)
    {
        _roundRunning = false;
        if (done.Error is { } error)
        {
            // The database may be away for a moment; leases not renewed lapse by their TTL and the next round takes them again.
            _log.Warning("Could not renew the sleeve leases ({Error}); trying again in {Interval}", error is PersistenceStoreException ? error.Message : error.ToString(), _leases!.Ttl / 3);
        }
        var before = _held.Keys.Order(StringComparer.Ordinal).ToList();
        _held = done.Held;
        var now = _held.Keys.Order(StringComparer.Ordinal).ToList();
        var lost = before.Except(now, StringComparer.Ordinal).Except(done.Released, StringComparer.Ordinal).ToList();
        if (done.Taken.Count > 0) _log.Info("Sleeve leases taken: {Sleeves}; these sleeves now run on this node", string.Join(", ", done.Taken));
        if (done.Released.Count > 0) _log.Info("Sleeve leases released for their new owners: {Sleeves}", string.Join(", ", done.Released));
        if (lost.Count > 0) _log.Warning("Sleeve leases lost (expired before renewal): {Sleeves}", string.Join(", ", lost));
        if (done.Waiting.Count > 0 && done.Taken.Count + done.Released.Count > 0)
            _log.Info("Sleeves placed here but still held by another node: {Sleeves}; taken once released or expired", string.Join(", ", done.Waiting));
        if (!before.SequenceEqual(now, StringComparer.Ordinal)) Context.System.EventStream.Publish(new SleeveLeasesHeld(_leases!.Node, now));
        if (_roundAgain) StartRound();
    }
}
