using ActorTrader.Persistence.Tests.Postgres;

namespace ActorTrader.Cluster.NodeTests.Harness;

/// <summary>The PostgreSQL server of every multi-node test (test.sh's, or a throwaway one); each test makes its own schema.</summary>
public sealed class ClusterServer : IAsyncLifetime
{
    internal PostgresServerFixture Postgres { get; } = new();

    public Task InitializeAsync() => Postgres.InitializeAsync();

    public Task DisposeAsync() => Postgres.DisposeAsync();
}

/// <summary>Multi-node tests run one at a time: each starts several node processes on a 2-core machine.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterNodesCollection : ICollectionFixture<ClusterServer>
{
    public const string Name = "cluster nodes";
}
