using ActorTrader.Cluster.Leases;
using ActorTrader.Cluster.Tests.Support;

namespace ActorTrader.Cluster.Tests.Leases;

/// <summary>A node's graceful shutdown hands every lease it holds to the standbys at once.</summary>
public sealed class ReleaseAllHeldByTests(ClusterDatabaseFixture fixture) : IClassFixture<ClusterDatabaseFixture>
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Releasing_a_holders_leases_frees_exactly_those_and_a_standby_takes_them_at_the_next_epoch()
    {
        await using var database = fixture.NewDatabase();
        var store = new LeaseStore(database);
        var (mine1, mine2, theirs) = ($"test/{Guid.NewGuid():N}", $"test/{Guid.NewGuid():N}", $"test/{Guid.NewGuid():N}");
        var holder = $"node-a#{Guid.NewGuid():N}";
        await store.TryAcquireAsync(mine1, holder, Long, CancellationToken.None);
        await store.TryAcquireAsync(mine2, holder, Long, CancellationToken.None);
        await store.TryAcquireAsync(theirs, "node-b#1", Long, CancellationToken.None);

        var released = await store.ReleaseAllHeldByAsync(holder, CancellationToken.None);

        Assert.Equal(new[] { mine1, mine2 }.Order(StringComparer.Ordinal), released);
        Assert.False((await store.ReadAsync(mine1, CancellationToken.None))!.Held);
        Assert.True((await store.ReadAsync(theirs, CancellationToken.None))!.Held);
        var taken = await store.TryAcquireAsync(mine1, "node-c#1", Long, CancellationToken.None);
        Assert.Equal(2L, taken?.Epoch);
        Assert.Empty(await store.ReleaseAllHeldByAsync(holder, CancellationToken.None));
    }
}
