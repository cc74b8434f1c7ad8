using ActorTrader.Cluster.Membership;
using ActorTrader.Cluster.Tests.Support;

namespace ActorTrader.Cluster.Tests.Membership;

public sealed class MembershipStoreTests(ClusterDatabaseFixture fixture) : IClassFixture<ClusterDatabaseFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Unreachable = TimeSpan.FromSeconds(5);
    private ClusterDatabase _database = null!;
    private MembershipStore _store = null!;

    public Task InitializeAsync()
    {
        _database = fixture.NewDatabase();
        _store = new MembershipStore(_database);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static ClusterOptions Node(string prefix) => new($"{prefix}-{Guid.NewGuid():N}", "unused")
    {
        Roles = ["trader", "research"],
        Address = "http://127.0.0.1:5080",
        Version = "1.2.3",
    };

    private async Task<Member?> ReadAsync(string nodeName) =>
        (await _store.ReadAsync(Unreachable, CancellationToken.None)).SingleOrDefault(m => m.NodeName == nodeName);

    [Fact]
    public async Task A_heartbeat_makes_the_node_an_up_member_with_its_details()
    {
        var node = Node("a");

        await _store.HeartbeatAsync(node, CancellationToken.None);

        var member = await ReadAsync(node.NodeName);
        Assert.NotNull(member);
        Assert.Equal((node.Incarnation, "http://127.0.0.1:5080", "1.2.3", MemberStatus.Up), (member.Incarnation, member.Address, member.Version, member.Status));
        Assert.Equal(["trader", "research"], member.Roles);
    }

    [Fact]
    public async Task A_new_incarnation_replaces_the_old_row_and_its_start_time()
    {
        var first = Node("a");
        await _store.HeartbeatAsync(first, CancellationToken.None);
        var before = await ReadAsync(first.NodeName);
        var restarted = first with { Incarnation = Guid.NewGuid() };

        await _store.HeartbeatAsync(restarted, CancellationToken.None);

        var after = await ReadAsync(first.NodeName);
        Assert.Equal(restarted.Incarnation, after!.Incarnation);
        Assert.True(after.StartedAt > before!.StartedAt);
        Assert.Equal(1L, await fixture.ScalarAsync($"SELECT count(*) FROM cluster_members WHERE node_name = '{first.NodeName}'"));
    }

    [Fact]
    public async Task Later_heartbeats_of_the_same_incarnation_keep_the_start_time()
    {
        var node = Node("a");
        await _store.HeartbeatAsync(node, CancellationToken.None);
        var before = await ReadAsync(node.NodeName);

        await _store.HeartbeatAsync(node, CancellationToken.None);

        var after = await ReadAsync(node.NodeName);
        Assert.Equal(before!.StartedAt, after!.StartedAt);
        Assert.True(after.HeartbeatAt > before.HeartbeatAt);
    }

    [Fact]
    public async Task A_member_silent_longer_than_the_timeout_is_unreachable_by_the_database_clock()
    {
        var node = Node("a");
        await _store.HeartbeatAsync(node, CancellationToken.None);

        await fixture.ScalarAsync($"UPDATE cluster_members SET heartbeat_at = clock_timestamp() - interval '6 seconds' WHERE node_name = '{node.NodeName}'");

        Assert.Equal(MemberStatus.Unreachable, (await ReadAsync(node.NodeName))!.Status);
    }

    [Fact]
    public async Task A_node_that_leaves_is_left_and_removed_by_the_next_cleanup()
    {
        var node = Node("a");
        await _store.HeartbeatAsync(node, CancellationToken.None);

        await _store.LeaveAsync(node, CancellationToken.None);

        Assert.Equal(MemberStatus.Left, (await ReadAsync(node.NodeName))!.Status);
        Assert.Contains(node.NodeName, await _store.RemoveStaleAsync(TimeSpan.FromMinutes(1), CancellationToken.None));
        Assert.Null(await ReadAsync(node.NodeName));
    }

    [Fact]
    public async Task Leaving_with_an_old_incarnation_does_not_touch_the_restarted_node()
    {
        var old = Node("a");
        await _store.HeartbeatAsync(old, CancellationToken.None);
        await _store.HeartbeatAsync(old with { Incarnation = Guid.NewGuid() }, CancellationToken.None);

        await _store.LeaveAsync(old, CancellationToken.None);

        Assert.Equal(MemberStatus.Up, (await ReadAsync(old.NodeName))!.Status);
    }

    [Fact]
    public async Task Cleanup_removes_long_silent_members_and_keeps_live_ones()
    {
        var silent = Node("silent");
        var live = Node("live");
        await _store.HeartbeatAsync(silent, CancellationToken.None);
        await _store.HeartbeatAsync(live, CancellationToken.None);
        await fixture.ScalarAsync($"UPDATE cluster_members SET heartbeat_at = clock_timestamp() - interval '2 minutes' WHERE node_name = '{silent.NodeName}'");

        var removed = await _store.RemoveStaleAsync(TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.Contains(silent.NodeName, removed);
        Assert.DoesNotContain(live.NodeName, removed);
        Assert.NotNull(await ReadAsync(live.NodeName));
    }
}
