using ActorTrader.Persistence.Tests.Stores;

namespace ActorTrader.Persistence.Tests.Postgres;

/// <summary>The Journal contract on the PostgreSQL backend.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresJournalSpec(PostgresServerFixture server) : JournalContractSpec
{
    protected override StoreTestBackend CreateBackend() => new PostgresTestBackend(server);
}
