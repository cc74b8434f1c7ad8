namespace ActorTrader.Cluster.Tests.Support;

/// <summary>
/// A fresh cluster schema and one database handle that outlives every test's actor system in the class (for TestKit
/// classes, whose base owns the per-test lifetime).
/// </summary>
public sealed class SharedDatabaseFixture : IAsyncLifetime
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
