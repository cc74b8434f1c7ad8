using ActorTrader.Cluster.Tests.Support;

namespace ActorTrader.Cluster.Tests.Singleton;

/// <summary>A fresh cluster schema plus one shared database handle for a test class whose base (TestKit) owns the per-test lifetime.</summary>
public sealed class SingletonDatabaseFixture : IAsyncLifetime
{
    public ClusterDatabaseFixture Cluster { get; } = new();

    public ClusterDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Cluster.InitializeAsync();
        Database = Cluster.NewDatabase();
    }

    public async Task DisposeAsync()
    {
        await Database.DisposeAsync();
        await Cluster.DisposeAsync();
    }
}
