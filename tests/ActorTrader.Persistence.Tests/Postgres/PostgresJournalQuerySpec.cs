using ActorTrader.Persistence.Tests.Stores;

namespace ActorTrader.Persistence.Tests.Postgres;

/// <summary>The JournalQuery contract on the PostgreSQL backend.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresJournalQuerySpec(PostgresServerFixture server) : JournalQueryContractSpec
{
    protected override StoreTestBackend CreateBackend() => new PostgresTestBackend(server);
}
