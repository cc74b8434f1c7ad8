using ActorTrader.Actors;
using ActorTrader.Cluster.Leases;
using ActorTrader.Cluster.Membership;
using ActorTrader.Cluster.Placement;
using ActorTrader.Cluster.Tests.Support;
using ActorTrader.Node.Cluster;
using ActorTrader.Node.Cluster.Sleeves;

namespace ActorTrader.Node.Tests.Cluster;

/// <summary>The placement actor holds the lease of every sleeve placed on its node, and only those (real PostgreSQL).</summary>
public sealed class SleevePlacementLeaseTests(SharedDatabaseFixture db) : TestKit.TestKit, IClassFixture<SharedDatabaseFixture>
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly IReadOnlyList<string> Sleeves = ["alpha", "beta", "gamma", "delta", "epsilon"];
    // A fresh prefix per test keeps the tests' leases apart; it is drawn until nodes a and b both get a share of the
    // sleeves, which the tests assume (a random pair puts all five on one node about one time in sixteen).
    private readonly string _prefix = SplittingPrefix();
    private readonly LeaseStore _leases = new(db.Database);

    [Fact]
    public async Task A_node_alone_holds_every_sleeve_and_hands_the_newcomers_share_over_when_it_joins()
    {
        var (a, b) = (Member("a"), Member("b"));
        var sleeves = Named();
        var events = Subscribe();
        var membershipA = Sys.ActorOf(Props.Create(() => new FakeMembership([a])));
        var placementA = Sys.ActorOf(SleevePlacementActor.CreateProps(sleeves, membershipA));
        placementA.Tell(Hold(a));
        await events.FishForMessageAsync<SleeveLeasesHeld>(h => h.Node == Node(a) && h.Sleeves.Count == sleeves.Count, Patience);

        var both = SleevePlacement.Assign(sleeves, [a, b]);
        Assert.Contains(Node(a), both.Values);
        Assert.Contains(Node(b), both.Values);
        var membershipB = Sys.ActorOf(Props.Create(() => new FakeMembership([a, b])));
        var placementB = Sys.ActorOf(SleevePlacementActor.CreateProps(sleeves, membershipB));
        placementB.Tell(Hold(b));
        membershipA.Tell(new SetMembers([a, b]));
        Sys.EventStream.Publish(new MemberUp(b));

        await events.FishForMessageAsync<SleeveLeasesHeld>(h => h.Node == Node(b) && h.Sleeves.SequenceEqual(Share(both, b)), Patience);
        foreach (var (sleeve, node) in both)
        {
            var lease = await _leases.ReadAsync(ClusterSleeveRuns.LeaseOf(sleeve), CancellationToken.None);
            Assert.True(lease is { Held: true }, $"{sleeve} is not held");
            Assert.Equal(node, ClusterSleeveRuns.NodeOf(lease.Holder!));
        }
    }

    [Fact]
    public async Task A_node_takes_over_the_sleeves_of_a_node_that_died_once_their_leases_expired()
    {
        var (a, b) = (Member("a"), Member("b"));
        var sleeves = Named();
        var both = SleevePlacement.Assign(sleeves, [a, b]);
        var events = Subscribe();
        var membershipB = Sys.ActorOf(Props.Create(() => new FakeMembership([a, b])));
        var placementB = Sys.ActorOf(SleevePlacementActor.CreateProps(sleeves, membershipB));
        placementB.Tell(Hold(b));
        await events.FishForMessageAsync<SleeveLeasesHeld>(h => h.Node == Node(b) && h.Sleeves.SequenceEqual(Share(both, b)), Patience);
        // b dies without releasing: its leases stay held until they expire.
        Sys.Stop(placementB);

        var membershipA = Sys.ActorOf(Props.Create(() => new FakeMembership([a])));
        var placementA = Sys.ActorOf(SleevePlacementActor.CreateProps(sleeves, membershipA));
        placementA.Tell(Hold(a));

        var held = await events.FishForMessageAsync<SleeveLeasesHeld>(h => h.Node == Node(a) && h.Sleeves.Count == sleeves.Count, Patience);
        Assert.Equal(sleeves.Order(StringComparer.Ordinal), held.Sleeves);
    }

    [Fact]
    public async Task A_node_releases_its_sleeves_when_it_no_longer_sees_itself_as_a_trader()
    {
        var a = Member("a");
        var sleeves = Named();
        var events = Subscribe();
        var membership = Sys.ActorOf(Props.Create(() => new FakeMembership([a])));
        var placement = Sys.ActorOf(SleevePlacementActor.CreateProps(sleeves, membership));
        placement.Tell(Hold(a));
        await events.FishForMessageAsync<SleeveLeasesHeld>(h => h.Node == Node(a) && h.Sleeves.Count == sleeves.Count, Patience);

        membership.Tell(new SetMembers([]));
        placement.Tell(RedistributeSleeves.Instance);

        await events.FishForMessageAsync<SleeveLeasesHeld>(h => h.Node == Node(a) && h.Sleeves.Count == 0, Patience);
        foreach (var sleeve in sleeves)
        {
            var lease = await _leases.ReadAsync(ClusterSleeveRuns.LeaseOf(sleeve), CancellationToken.None);
            Assert.False(lease!.Held, $"{sleeve} is still held");
        }
    }

    /// <summary>Sleeve names of this test only (the schema is shared by the class).</summary>
    private IReadOnlyList<string> Named() => [.. Sleeves.Select(s => $"{_prefix}-{s}")];

    private static string SplittingPrefix()
    {
        while (true)
        {
            var prefix = Guid.NewGuid().ToString("N")[..8];
            Member[] members = [MemberNamed($"{prefix}-a"), MemberNamed($"{prefix}-b")];
            if (SleevePlacement.Assign(Sleeves.Select(s => $"{prefix}-{s}"), members).Values.Distinct().Count() == 2) return prefix;
        }
    }

    private static string Node(Member member) => member.NodeName;

    private Member Member(string name) => MemberNamed($"{_prefix}-{name}");

    private static Member MemberNamed(string node) =>
        new(node, Guid.NewGuid(), "http://127.0.0.1:1", ["trader"], "test", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, MemberStatus.Up);

    private HoldSleeveLeases Hold(Member member) => new(_leases, member.NodeName, $"{member.NodeName}#{member.Incarnation:N}", Ttl);

    private static IReadOnlyList<string> Share(IReadOnlyDictionary<string, string> placement, Member member) =>
        [.. placement.Where(p => p.Value == member.NodeName).Select(p => p.Key).Order(StringComparer.Ordinal)];

    private TestKit.TestProbe Subscribe()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe.Ref, typeof(SleeveLeasesHeld));
        return probe;
    }

    private sealed record SetMembers(IReadOnlyList<Member> Members);

    /// <summary>Answers <see cref="GetClusterState"/> with the members it was given.</summary>
    private sealed class FakeMembership : ReceiveActor
    {
        private IReadOnlyList<Member> _members;

        public FakeMembership(IReadOnlyList<Member> members)
        {
            _members = members;
            Receive<SetMembers>(set => _members = set.Members);
            Receive<GetClusterState>(_ => Sender.Tell(new CurrentClusterState(_members), Self));
        }
    }
}
