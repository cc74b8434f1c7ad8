using ActorTrader.Actors;
using ActorTrader.Cluster.Membership;
using ActorTrader.Cluster.Tests.Support;
using ActorTrader.Persistence.Postgres;
using ActorTrader.TestKit;

namespace ActorTrader.Cluster.Tests.Membership;

public sealed class ClusterMembershipActorTests(SharedDatabaseFixture fixture) : TestKit.TestKit, IClassFixture<SharedDatabaseFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly MembershipStore _store = new(fixture.Database);

    private static ClusterOptions Node(string prefix) => new($"{prefix}-{Guid.NewGuid():N}", "unused")
    {
        Roles = ["trader"],
        HeartbeatInterval = TimeSpan.FromMilliseconds(100),
        UnreachableAfter = TimeSpan.FromSeconds(5),
        RemovedAfter = TimeSpan.FromMinutes(1),
    };

    private TestProbe SubscribeToMemberEvents()
    {
        var events = CreateTestProbe();
        foreach (var type in new[] { typeof(MemberUp), typeof(MemberUnreachable), typeof(MemberReachable), typeof(MemberRemoved) })
            Sys.EventStream.Subscribe(events.Ref, type);
        return events;
    }

    private static Member MemberOf(object e) => e switch
    {
        MemberUp up => up.Member,
        MemberUnreachable unreachable => unreachable.Member,
        MemberReachable reachable => reachable.Member,
        MemberRemoved removed => removed.Member,
        _ => throw new ArgumentException($"Not a member event: {e}"),
    };

    private static Task<object> ExpectEventAsync<T>(TestProbe events, string nodeName) =>
        events.FishForMessageAsync(e => e is T && MemberOf(e).NodeName == nodeName, Wait);

    [Fact]
    public async Task The_node_itself_and_another_heartbeating_node_are_announced_up()
    {
        var events = SubscribeToMemberEvents();
        var self = Node("self");
        var other = Node("other");
        await _store.HeartbeatAsync(other, CancellationToken.None);

        Sys.ActorOf(ClusterMembershipActor.Props(self, _store));

        // Other tests' nodes of this schema may be announced too; the two must both be, in any order.
        var expected = new HashSet<string>([self.NodeName, other.NodeName], StringComparer.Ordinal);
        while (expected.Count > 0)
        {
            expected.Remove((await events.ExpectMsgAsync<MemberUp>(Wait)).Member.NodeName);
        }
    }

    [Fact]
    public async Task A_node_that_stops_heartbeating_is_announced_unreachable_and_reachable_when_it_returns()
    {
        var events = SubscribeToMemberEvents();
        var other = Node("other");
        await _store.HeartbeatAsync(other, CancellationToken.None);
        Sys.ActorOf(ClusterMembershipActor.Props(Node("self"), _store));
        await ExpectEventAsync<MemberUp>(events, other.NodeName);

        await fixture.Cluster.ScalarAsync($"UPDATE cluster_members SET heartbeat_at = clock_timestamp() - interval '6 seconds' WHERE node_name = '{other.NodeName}'");
        await ExpectEventAsync<MemberUnreachable>(events, other.NodeName);
        await _store.HeartbeatAsync(other, CancellationToken.None);

        await ExpectEventAsync<MemberReachable>(events, other.NodeName);
    }

    [Fact]
    public async Task A_node_that_leaves_is_announced_removed()
    {
        var events = SubscribeToMemberEvents();
        var other = Node("other");
        await _store.HeartbeatAsync(other, CancellationToken.None);
        Sys.ActorOf(ClusterMembershipActor.Props(Node("self"), _store));
        await ExpectEventAsync<MemberUp>(events, other.NodeName);

        await _store.LeaveAsync(other, CancellationToken.None);

        await ExpectEventAsync<MemberRemoved>(events, other.NodeName);
    }

    [Fact]
    public async Task A_long_silent_node_is_removed_from_the_table_and_announced_removed()
    {
        var events = SubscribeToMemberEvents();
        var other = Node("other");
        await _store.HeartbeatAsync(other, CancellationToken.None);
        Sys.ActorOf(ClusterMembershipActor.Props(Node("self"), _store));
        await ExpectEventAsync<MemberUp>(events, other.NodeName);

        await fixture.Cluster.ScalarAsync($"UPDATE cluster_members SET heartbeat_at = clock_timestamp() - interval '2 minutes' WHERE node_name = '{other.NodeName}'");

        await ExpectEventAsync<MemberRemoved>(events, other.NodeName);
        Assert.Equal(0L, await fixture.Cluster.ScalarAsync($"SELECT count(*) FROM cluster_members WHERE node_name = '{other.NodeName}'"));
    }

    [Fact]
    public async Task The_cluster_state_lists_the_members_last_read()
    {
        var events = SubscribeToMemberEvents();
        var self = Node("self");
        var actor = Sys.ActorOf(ClusterMembershipActor.Props(self, _store));
        await ExpectEventAsync<MemberUp>(events, self.NodeName);

        var state = await actor.Ask<CurrentClusterState>(GetClusterState.Instance, Wait);

        var member = Assert.Single(state.Members, m => m.NodeName == self.NodeName);
        Assert.Equal((self.Incarnation, MemberStatus.Up), (member.Incarnation, member.Status));
        Assert.Equal(state.Members.Select(m => m.NodeName).Order(StringComparer.Ordinal), state.Members.Select(m => m.NodeName));
    }

    [Fact]
    public async Task A_stopped_membership_actor_marks_its_node_as_left()
    {
        var events = SubscribeToMemberEvents();
        var self = Node("self");
        var actor = Sys.ActorOf(ClusterMembershipActor.Props(self, _store));
        await ExpectEventAsync<MemberUp>(events, self.NodeName);

        Sys.Stop(actor);

        await AwaitAssertAsync(async () =>
            Assert.Equal(MemberStatus.Left, (await _store.ReadAsync(self.UnreachableAfter, CancellationToken.None)).Single(m => m.NodeName == self.NodeName).Status), Wait);
    }

    [Fact]
    public async Task Heartbeats_that_fail_while_the_tables_are_missing_resume_once_they_exist()
    {
        var events = SubscribeToMemberEvents();
        var self = Node("self");
        var schema = $"late_{Guid.NewGuid():N}"[..24];
        await using var late = new ClusterDatabase(fixture.Cluster.ConnectionString, schema);
        var actor = Sys.ActorOf(ClusterMembershipActor.Props(self, new MembershipStore(late)));
        Assert.Empty((await actor.Ask<CurrentClusterState>(GetClusterState.Instance, Wait)).Members);

        await using (var stores = PostgresStoreFactory.Create(new PostgresStoreOptions(fixture.Cluster.ConnectionString) { Schema = schema }))
        {
            await stores.StartAsync();
        }
        await late.EnsureSchemaAsync();

        try
        {
            await ExpectEventAsync<MemberUp>(events, self.NodeName);
        }
        finally
        {
            await Sys.Terminate();
            await fixture.Cluster.ScalarAsync($"DROP SCHEMA \"{schema}\" CASCADE");
        }
    }
}
