using ActorTrader.Actors;
using ActorTrader.Cluster.Leases;
using ActorTrader.Cluster.Singleton;
using ActorTrader.Cluster.Tests.Support;
using ActorTrader.TestKit;

namespace ActorTrader.Cluster.Tests.Singleton;

public sealed class ClusterSingletonManagerTests(SharedDatabaseFixture fixture) : TestKit.TestKit, IClassFixture<SharedDatabaseFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly string _lease = $"trading/account-{Guid.NewGuid():N}";
    private readonly string _prefix = $"account-{Guid.NewGuid():N}/";

    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(100);

    private ClusterSingletonSettings Settings(string holder, TimeSpan ttl, TimeSpan retry) =>
        new(_lease, holder, ttl, retry, [LeaseScope.Prefix(_prefix)]);

    private (IActorRef Manager, TestProbe Lifecycle, LeaseEpochs Epochs) StartNode(string holder, TimeSpan ttl, ClusterDatabase? database = null, TimeSpan? retry = null)
    {
        var epochs = new LeaseEpochs();
        var lifecycle = CreateTestProbe();
        var manager = Sys.ActorOf(ClusterSingletonManager.Props(
            Settings(holder, ttl, retry ?? Retry), new LeaseStore(database ?? fixture.Database), epochs, new RecordingLifecycle(lifecycle.Ref, epochs, _lease)));
        return (manager, lifecycle, epochs);
    }

    private TestProbe SubscribeToSingletonEvents()
    {
        var events = CreateTestProbe();
        Sys.EventStream.Subscribe(events.Ref, typeof(SingletonStarted));
        Sys.EventStream.Subscribe(events.Ref, typeof(SingletonStopped));
        return events;
    }

    private async Task ExpireLeaseAsync() =>
        await fixture.Cluster.ScalarAsync($"UPDATE cluster_leases SET expires_at = clock_timestamp() - interval '1 millisecond' WHERE name = '{_lease}'");

    private static async Task<SingletonState> StateOfAsync(IActorRef manager) => await manager.Ask<SingletonState>(GetSingletonState.Instance, Wait);

    [Fact]
    public async Task A_manager_that_takes_the_lease_fences_its_scope_starts_the_singleton_and_announces_it()
    {
        var events = SubscribeToSingletonEvents();

        var (manager, lifecycle, epochs) = StartNode("node-a#1", TimeSpan.FromSeconds(30));

        var started = await lifecycle.ExpectMsgAsync<LifecycleStarted>(Wait);
        Assert.Equal((_lease, "node-a#1", 1L), (started.Grant.Name, started.Grant.Holder, started.Grant.Epoch));
        Assert.Equal(new SingletonStarted(_lease, 1, "node-a#1"), await events.ExpectMsgAsync<SingletonStarted>(Wait));
        Assert.Equal(1L, epochs.EpochOf(_lease));
        Assert.Equal(_lease, epochs.LeaseFor(_prefix + "orders"));
        Assert.Equal(_lease, await fixture.Cluster.ScalarAsync($"SELECT lease_name FROM cluster_lease_scopes WHERE pattern = '{_prefix}'"));
        Assert.Equal(new SingletonState(_lease, true, 1, "node-a#1"), await StateOfAsync(manager));
    }

    [Fact]
    public async Task A_second_manager_stays_standby_while_the_first_holds_the_lease()
    {
        var (_, lifecycleA, _) = StartNode("node-a#1", TimeSpan.FromSeconds(30));
        await lifecycleA.ExpectMsgAsync<LifecycleStarted>(Wait);

        var (managerB, _, epochsB) = StartNode("node-b#1", TimeSpan.FromSeconds(30));

        await AwaitAssertAsync(async () => Assert.Equal(new SingletonState(_lease, false, 1, "node-a#1"), await StateOfAsync(managerB)), Wait);
        Assert.Null(epochsB.EpochOf(_lease));
    }

    [Fact]
    public async Task Stopping_the_active_manager_releases_the_lease_so_the_standby_takes_over_long_before_the_ttl()
    {
        var events = SubscribeToSingletonEvents();
        var (managerA, lifecycleA, epochsA) = StartNode("node-a#1", TimeSpan.FromSeconds(60));
        await lifecycleA.ExpectMsgAsync<LifecycleStarted>(Wait);
        var (managerB, lifecycleB, _) = StartNode("node-b#1", TimeSpan.FromSeconds(60));
        await AwaitAssertAsync(async () => Assert.Equal("node-a#1", (await StateOfAsync(managerB)).CurrentHolder), Wait);

        Sys.Stop(managerA);

        Assert.Equal(new LifecycleStopped(ClusterSingletonManager.ShutdownReason, null), await lifecycleA.ExpectMsgAsync<LifecycleStopped>(Wait));
        Assert.Equal(2L, (await lifecycleB.ExpectMsgAsync<LifecycleStarted>(Wait)).Grant.Epoch);
        await events.FishForMessageAsync<SingletonStopped>(s => s == new SingletonStopped(_lease, 1, ClusterSingletonManager.ShutdownReason), Wait);
        Assert.Null(epochsA.EpochOf(_lease));
    }

    [Fact]
    public async Task A_standby_takes_over_when_the_holders_lease_expires_without_renewal_and_the_old_holder_stops()
    {
        var events = SubscribeToSingletonEvents();
        // A retries late after a loss, so it cannot win the lease back if its renewal notices the expiry before B acts.
        var (_, lifecycleA, epochsA) = StartNode("node-a#1", TimeSpan.FromSeconds(3), retry: TimeSpan.FromSeconds(30));
        await lifecycleA.ExpectMsgAsync<LifecycleStarted>(Wait);
        var (managerB, lifecycleB, epochsB) = StartNode("node-b#1", TimeSpan.FromSeconds(30));
        await AwaitAssertAsync(async () => Assert.Equal("node-a#1", (await StateOfAsync(managerB)).CurrentHolder), Wait);

        // As if node A had paused past its TTL.
        await ExpireLeaseAsync();

        Assert.Equal(2L, (await lifecycleB.ExpectMsgAsync<LifecycleStarted>(Wait)).Grant.Epoch);
        var stopped = await lifecycleA.ExpectMsgAsync<LifecycleStopped>(Wait);
        Assert.Null(stopped.FencedEpoch);
        await events.FishForMessageAsync<SingletonStopped>(s => s.LeaseName == _lease && s.Epoch == 1, Wait);
        Assert.Null(epochsA.EpochOf(_lease));
        Assert.Equal(2L, epochsB.EpochOf(_lease));
    }

    [Fact]
    public async Task The_old_holder_names_who_took_its_lease_over_and_at_which_epoch()
    {
        var events = SubscribeToSingletonEvents();
        var (manager, lifecycle, _) = StartNode("node-a#1", TimeSpan.FromSeconds(3));
        await lifecycle.ExpectMsgAsync<LifecycleStarted>(Wait);

        await fixture.Cluster.ScalarAsync(
            $"UPDATE cluster_leases SET holder = 'node-b#7', epoch = epoch + 1, expires_at = clock_timestamp() + interval '1 minute' WHERE name = '{_lease}'");

        const string reason = "lease taken over by node-b#7 at epoch 2";
        Assert.Equal(new LifecycleStopped(reason, null), await lifecycle.ExpectMsgAsync<LifecycleStopped>(Wait));
        await events.FishForMessageAsync<SingletonStopped>(s => s == new SingletonStopped(_lease, 1, reason), Wait);
        await AwaitAssertAsync(async () => Assert.Equal(new SingletonState(_lease, false, 2, "node-b#7"), await StateOfAsync(manager)), Wait);
    }

    [Fact]
    public async Task A_manager_that_lost_its_lease_takes_it_again_once_it_is_free()
    {
        var (_, lifecycle, epochs) = StartNode("node-a#1", TimeSpan.FromSeconds(3));
        await lifecycle.ExpectMsgAsync<LifecycleStarted>(Wait);
        await fixture.Cluster.ScalarAsync(
            $"UPDATE cluster_leases SET holder = 'node-b#7', epoch = epoch + 1, expires_at = clock_timestamp() + interval '1 minute' WHERE name = '{_lease}'");
        await lifecycle.ExpectMsgAsync<LifecycleStopped>(Wait);

        await ExpireLeaseAsync();

        Assert.Equal(3L, (await lifecycle.ExpectMsgAsync<LifecycleStarted>(Wait)).Grant.Epoch);
        Assert.Equal(3L, epochs.EpochOf(_lease));
    }

    [Fact]
    public async Task A_holder_that_cannot_reach_the_database_drops_its_fence_and_stops_the_singleton_when_its_ttl_runs_out()
    {
        var events = SubscribeToSingletonEvents();
        var database = fixture.Cluster.NewDatabase();
        var (_, lifecycle, epochs) = StartNode("node-a#1", TimeSpan.FromSeconds(1.5), database);
        await lifecycle.ExpectMsgAsync<LifecycleStarted>(Wait);

        // Every later renewal fails before reaching the server.
        await database.DisposeAsync();

        Assert.Equal(new LifecycleStopped(ClusterSingletonManager.NotRenewedReason, null), await lifecycle.ExpectMsgAsync<LifecycleStopped>(Wait));
        await events.FishForMessageAsync<SingletonStopped>(s => s == new SingletonStopped(_lease, 1, ClusterSingletonManager.NotRenewedReason), Wait);
        Assert.Null(epochs.EpochOf(_lease));
    }

    [Fact]
    public async Task The_active_manager_keeps_its_lease_by_renewing_it()
    {
        var (manager, lifecycle, _) = StartNode("node-a#1", TimeSpan.FromSeconds(1.5));
        var grant = (await lifecycle.ExpectMsgAsync<LifecycleStarted>(Wait)).Grant;

        await AwaitAssertAsync(async () =>
        {
            var view = await new LeaseStore(fixture.Database).ReadAsync(_lease, CancellationToken.None);
            Assert.True(view!.ExpiresAt > grant.ExpiresAt.AddSeconds(1.5), "the lease was not renewed past its first TTL");
            Assert.True(view.Held);
        }, Wait);
        Assert.Equal(new SingletonState(_lease, true, 1, "node-a#1"), await StateOfAsync(manager));
    }

    [Fact]
    public void Settings_with_a_non_positive_ttl_are_refused_with_the_setting_to_fix()
    {
        var error = Assert.Throws<ArgumentException>(() => new ClusterSingletonSettings(_lease, "node-a#1", TimeSpan.Zero, TimeSpan.FromSeconds(1), []).Validate());

        Assert.Contains("lease-ttl", error.Message, StringComparison.Ordinal);
    }
}
