using ActorTrader.Actors;

namespace ActorTrader.Cluster.Membership;

/// <summary>
/// Keeps this node's heartbeat in cluster_members and turns changes in the members' rows into cluster events on the
/// event stream (<see cref="MemberUp"/>, <see cref="MemberUnreachable"/>, <see cref="MemberReachable"/>,
/// <see cref="MemberRemoved"/>). A database failure is logged and the next tick tries again: the actor never crashes on
/// it. On stop it marks the node as left, best effort.
/// </summary>
public sealed class ClusterMembershipActor : ReceiveActor, IWithTimers
{
    private const string HeartbeatTimer = "heartbeat";

    private readonly ClusterOptions _options;
    private readonly MembershipStore _store;
    private readonly ILoggingAdapter _log;
    private IReadOnlyList<Member> _members = [];
    private bool _inFlight;
    private bool _failing;

    public ClusterMembershipActor(ClusterOptions options, MembershipStore store)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        if (options.HeartbeatInterval <= TimeSpan.Zero)
            throw new ArgumentException($"Node '{options.NodeName}': the heartbeat interval is {options.HeartbeatInterval}. Fix: set actortrader.cluster.heartbeat-interval to a positive duration.", nameof(options));
        _log = Context.GetLogger();

        Receive<HeartbeatTick>(_ => Tick());
        Receive<MembersRead>(OnMembersRead);
        Receive<GetClusterState>(_ => Sender.Tell(new CurrentClusterState(_members), Self));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(ClusterOptions options, MembershipStore store) =>
        Actors.Props.Create(() => new ClusterMembershipActor(options, store));

    protected override void PreStart() =>
        Timers.StartPeriodicTimer(HeartbeatTimer, HeartbeatTick.Instance, TimeSpan.Zero, _options.HeartbeatInterval);

    protected override void PostStop() => _ = LeaveAsync();

    private void Tick()
    {
        // One round trip set at a time: a slow database must not pile up heartbeats.
        if (_inFlight) return;
        _inFlight = true;
        RoundAsync().PipeTo(Self, failure: ex => new MembersRead(null, [], ex));
    }

    private async Task<MembersRead> RoundAsync()
    {
        await _store.HeartbeatAsync(_options, CancellationToken.None).ConfigureAwait(false);
        var removed = await _store.RemoveStaleAsync(_options.RemovedAfter, CancellationToken.None).ConfigureAwait(false);
        var members = await _store.ReadAsync(_options.UnreachableAfter, CancellationToken.None).ConfigureAwait(false);
        return new MembersRead(members, removed, null);
    }

    private void OnMembersRead(MembersRead read)
    {
        _inFlight = false;
        if (read.Members is null)
        {
            // Logged once per outage, not every tick.
            if (!_failing) _log.Warning("Node {Node}: cluster heartbeat failed, retrying every {Interval}: {Error}", _options.NodeName, _options.HeartbeatInterval, read.Error?.Message);
            _failing = true;
            return;
        }

        if (_failing) _log.Info("Node {Node}: cluster heartbeat works again", _options.NodeName);
        _failing = false;
        foreach (var name in read.Removed) _log.Info("Removed stale cluster member {Member}", name);
        var events = Diff(_members, read.Members);
        _members = read.Members;
        foreach (var e in events) Context.System.EventStream.Publish(e);
    }

    /// <summary>The events that turn the previous view into the current one, ordered by node name.</summary>
    internal static IReadOnlyList<object> Diff(IReadOnlyList<Member> previous, IReadOnlyList<Member> current)
    {
        var before = previous.ToDictionary(m => m.NodeName, StringComparer.Ordinal);
        var now = current.ToDictionary(m => m.NodeName, StringComparer.Ordinal);
        var events = new List<object>();
        foreach (var name in before.Keys.Union(now.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            before.TryGetValue(name, out var old);
            now.TryGetValue(name, out var member);
            if (old is not null && old.Status != MemberStatus.Left && (member is null || member.Incarnation != old.Incarnation))
            {
                events.Add(new MemberRemoved(old));
            }

            if (member is null) continue;
            var known = old is not null && old.Incarnation == member.Incarnation ? old : null;
            switch (member.Status)
            {
                case MemberStatus.Up when known is null || known.Status == MemberStatus.Left:
                    events.Add(new MemberUp(member));
                    break;
                case MemberStatus.Up when known.Status == MemberStatus.Unreachable:
                    events.Add(new MemberReachable(member));
                    break;
                case MemberStatus.Unreachable when known is null || known.Status == MemberStatus.Up:
                    events.Add(new MemberUnreachable(member));
                    break;
                case MemberStatus.Left when known is not null && known.Status != MemberStatus.Left:
                    events.Add(new MemberRemoved(member));
                    break;
            }
        }

        return events;
    }

    private async Task LeaveAsync()
    {
        try
        {
            await _store.LeaveAsync(_options, CancellationToken.None).ConfigureAwait(false);
            _log.Info("Node {Node} left the cluster", _options.NodeName);
        }
#pragma warning disable CA1031 // Best effort on shutdown: the node is removed after the unreachable timeouts anyway.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _log.Warning("Node {Node}: marking it as left failed, the others see it unreachable after {Timeout}: {Error}", _options.NodeName, _options.UnreachableAfter, ex.Message);
        }
    }
}
