using ActorTrader.Persistence.Tests.Stores;

namespace ActorTrader.Persistence.Tests.Postgres;

/// <summary>The SnapshotStore contract on the PostgreSQL backend.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSnapshotStoreSpec(PostgresServerFixture server) : SnapshotStoreContractSpec
{
    protected override StoreTestBackend CreateBackend() => new PostgresTestBackend(server);
}
