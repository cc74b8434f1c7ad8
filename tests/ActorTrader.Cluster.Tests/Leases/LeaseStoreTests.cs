using ActorTrader.Cluster.Leases;
using ActorTrader.Cluster.Tests.Support;
using ActorTrader.Persistence.Journal;

namespace ActorTrader.Cluster.Tests.Leases;

public sealed class LeaseStoreTests(ClusterDatabaseFixture fixture) : IClassFixture<ClusterDatabaseFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);
    private ClusterDatabase _database = null!;
    private LeaseStore _store = null!;

    public Task InitializeAsync()
    {
        _database = fixture.NewDatabase();
        _store = new LeaseStore(_database);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static string NewLease() => $"test/{Guid.NewGuid():N}";

    [Fact]
    public async Task The_first_acquirer_takes_a_new_lease_at_epoch_one()
    {
        var name = NewLease();

        var grant = await _store.TryAcquireAsync(name, "node-a#1", Long, CancellationToken.None);

        Assert.NotNull(grant);
        Assert.Equal((name, "node-a#1", 1L), (grant.Name, grant.Holder, grant.Epoch));
        var view = await _store.ReadAsync(name, CancellationToken.None);
        Assert.Equal(new LeaseView(name, "node-a#1", 1, grant.ExpiresAt, true), view);
    }

    [Fact]
    public async Task Another_holder_cannot_take_a_valid_lease()
    {
        var name = NewLease();
        await _store.TryAcquireAsync(name, "node-a#1", Long, CancellationToken.None);

        var grant = await _store.TryAcquireAsync(name, "node-b#1", Long, CancellationToken.None);

        Assert.Null(grant);
        Assert.Equal("node-a#1", (await _store.ReadAsync(name, CancellationToken.None))!.Holder);
    }

    [Fact]
    public async Task An_expired_lease_goes_to_the_next_acquirer_at_the_next_epoch()
    {
        var name = NewLease();
        await _store.TryAcquireAsync(name, "node-a#1", TimeSpan.FromMilliseconds(300), CancellationToken.None);
        await WaitUntilExpiredOnTheDatabaseClockAsync(name);

        var grant = await _store.TryAcquireAsync(name, "node-b#1", Long, CancellationToken.None);

        Assert.Equal(("node-b#1", 2L), (grant?.Holder, grant?.Epoch));
    }

    [Fact]
    public async Task The_holder_acquiring_its_valid_lease_again_keeps_the_epoch_and_extends_it()
    {
        var name = NewLease();
        var first = await _store.TryAcquireAsync(name, "node-a#1", TimeSpan.FromSeconds(5), CancellationToken.None);

        var again = await _store.TryAcquireAsync(name, "node-a#1", Long, CancellationToken.None);

        Assert.Equal(first!.Epoch, again!.Epoch);
        Assert.True(again.ExpiresAt > first.ExpiresAt);
    }

    [Fact]
    public async Task Every_take_of_an_expired_lease_raises_the_epoch_even_for_the_same_holder()
    {
        var name = NewLease();
        await _store.TryAcquireAsync(name, "node-a#1", Long, CancellationToken.None);
        await ExpireAsync(name);
        await _store.TryAcquireAsync(name, "node-b#1", Long, CancellationToken.None);
        await ExpireAsync(name);

        var grant = await _store.TryAcquireAsync(name, "node-b#1", Long, CancellationToken.None);

        Assert.Equal(3L, grant!.Epoch);
    }

    [Fact]
    public async Task Renewing_a_held_lease_extends_it_at_the_same_epoch()
    {
        var name = NewLease();
        var grant = await _store.TryAcquireAsync(name, "node-a#1", TimeSpan.FromSeconds(5), CancellationToken.None);

        var renewed = await _store.RenewAsync(grant!, Long, CancellationToken.None);

        Assert.Equal(grant!.Epoch, renewed!.Epoch);
        Assert.True(renewed.ExpiresAt > grant.ExpiresAt);
    }

    [Fact]
    public async Task An_expired_lease_cannot_be_renewed_even_when_nobody_took_it()
    {
        var name = NewLease();
        var grant = await _store.TryAcquireAsync(name, "node-a#1", Long, CancellationToken.None);
        await ExpireAsync(name);

        var renewed = await _store.RenewAsync(grant!, Long, CancellationToken.None);

        Assert.Null(renewed);
        Assert.False((await _store.ReadAsync(name, CancellationToken.None))!.Held);
    }

    [Fact]
    public async Task A_lease_taken_over_cannot_be_renewed_by_its_old_holder()
    {
        var name = NewLease();
        var old = await _store.TryAcquireAsync(name, "node-a#1", Long, CancellationToken.None);
        await ExpireAsync(name);
        await _store.TryAcquireAsync(name, "node-b#1", Long, CancellationToken.None);

        Assert.Null(await _store.RenewAsync(old!, Long, CancellationToken.None));
    }

    [Fact]
    public async Task A_released_lease_is_free_at_once_for_a_standby()
    {
        var name = NewLease();
        var grant = await _store.TryAcquireAsync(name, "node-a#1", Long, CancellationToken.None);

        Assert.True(await _store.ReleaseAsync(grant!, CancellationToken.None));
        var next = await _store.TryAcquireAsync(name, "node-b#1", Long, CancellationToken.None);

        Assert.Equal(("node-b#1", 2L), (next?.Holder, next?.Epoch));
    }

    [Fact]
    public async Task Releasing_a_lease_that_was_lost_changes_nothing()
    {
        var name = NewLease();
        var old = await _store.TryAcquireAsync(name, "node-a#1", Long, CancellationToken.None);
        await ExpireAsync(name);
        var current = await _store.TryAcquireAsync(name, "node-b#1", Long, CancellationToken.None);

        Assert.False(await _store.ReleaseAsync(old!, CancellationToken.None));
        Assert.Equal(new LeaseView(name, "node-b#1", 2, current!.ExpiresAt, true), await _store.ReadAsync(name, CancellationToken.None));
    }

    [Fact]
    public async Task Twenty_concurrent_acquirers_of_a_free_lease_yield_exactly_one_winner()
    {
        var name = NewLease();
        await using var other = fixture.NewDatabase();
        var stores = new[] { _store, new LeaseStore(other) };

        var grants = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => stores[i % 2].TryAcquireAsync(name, $"node-{i}#1", Long, CancellationToken.None))));

        var winner = Assert.Single(grants, g => g is not null);
        Assert.Equal(1L, winner!.Epoch);
        Assert.Equal(winner.Holder, (await _store.ReadAsync(name, CancellationToken.None))!.Holder);
    }

    [Fact]
    public async Task Twenty_concurrent_acquirers_of_an_expired_lease_yield_exactly_one_new_epoch()
    {
        var name = NewLease();
        await _store.TryAcquireAsync(name, "node-old#1", Long, CancellationToken.None);
        await ExpireAsync(name);

        var grants = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => _store.TryAcquireAsync(name, $"node-{i}#1", Long, CancellationToken.None))));

        var winner = Assert.Single(grants, g => g is not null);
        Assert.Equal(2L, winner!.Epoch);
    }

    [Fact]
    public async Task Listing_shows_every_lease_ordered_by_name_with_whether_it_is_held()
    {
        var prefix = NewLease();
        var held = await _store.TryAcquireAsync(prefix + "/b", "node-a#1", Long, CancellationToken.None);
        var lapsed = await _store.TryAcquireAsync(prefix + "/a", "node-a#1", Long, CancellationToken.None);
        await ExpireAsync(prefix + "/a");

        var views = (await _store.ListAsync(CancellationToken.None)).Where(v => v.Name.StartsWith(prefix, StringComparison.Ordinal)).ToArray();

        Assert.Equal([(prefix + "/a", false), (prefix + "/b", true)], views.Select(v => (v.Name, v.Held)));
        Assert.Equal(held!.Epoch, views[1].Epoch);
        Assert.NotNull(lapsed);
    }

    [Fact]
    public async Task Reading_a_lease_that_was_never_taken_gives_null()
    {
        Assert.Null(await _store.ReadAsync(NewLease(), CancellationToken.None));
    }

    [Fact]
    public async Task Registering_scopes_again_moves_a_pattern_to_the_new_lease()
    {
        var pattern = $"scope-{Guid.NewGuid():N}";
        await _store.RegisterScopesAsync("lease-1", [LeaseScope.Prefix(pattern)], CancellationToken.None);

        await _store.RegisterScopesAsync("lease-2", [LeaseScope.Exact(pattern), LeaseScope.Prefix(pattern + "/")], CancellationToken.None);

        Assert.Equal("lease-2|False", await fixture.ScalarAsync($"SELECT lease_name || '|' || CASE WHEN is_prefix THEN 'True' ELSE 'False' END FROM cluster_lease_scopes WHERE pattern = '{pattern}'"));
        Assert.Equal(2L, await fixture.ScalarAsync($"SELECT count(*) FROM cluster_lease_scopes WHERE lease_name = 'lease-2' AND pattern LIKE '{pattern}%'"));
    }

    [Fact]
    public async Task A_database_failure_names_the_server_and_the_lease()
    {
        await using var unreachable = new ClusterDatabase("Host=127.0.0.1;Port=1;Username=nobody;Timeout=2", "public");
        var store = new LeaseStore(unreachable);

        var error = await Assert.ThrowsAsync<PersistenceStoreException>(() => store.TryAcquireAsync("trading/account-1", "node-a#1", Long, CancellationToken.None));

        Assert.Contains("127.0.0.1:1", error.Message, StringComparison.Ordinal);
        Assert.Contains("trading/account-1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_positive_ttl_is_refused_with_the_setting_to_fix()
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _store.TryAcquireAsync(NewLease(), "node-a#1", TimeSpan.Zero, CancellationToken.None));

        Assert.Contains("lease-ttl", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The database's clock, not ours, decides expiry: wait on the server until it passes expires_at.</summary>
    private async Task WaitUntilExpiredOnTheDatabaseClockAsync(string name) =>
        await fixture.ScalarAsync($"SELECT pg_sleep_until(expires_at + interval '1 millisecond') FROM cluster_leases WHERE name = '{name}'");

    /// <summary>As if the holder had stopped renewing and its TTL had run out.</summary>
    private async Task ExpireAsync(string name) =>
        await fixture.ScalarAsync($"UPDATE cluster_leases SET expires_at = clock_timestamp() - interval '1 millisecond' WHERE name = '{name}'");
}
