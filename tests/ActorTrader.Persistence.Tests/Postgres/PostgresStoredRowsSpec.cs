using ActorTrader.Persistence.Tests.Stores;

namespace ActorTrader.Persistence.Tests.Postgres;

/// <summary>The StoredRows contract on the PostgreSQL backend.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoredRowsSpec(PostgresServerFixture server) : StoredRowsContractSpec
{
    protected override StoreTestBackend CreateBackend() => new PostgresTestBackend(server);
}
