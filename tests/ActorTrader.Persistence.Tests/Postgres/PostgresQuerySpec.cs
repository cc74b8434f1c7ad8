using ActorTrader.Persistence.Tests.Behaviour;

namespace ActorTrader.Persistence.Tests.Postgres;

/// <summary>The Query behaviour suite on the PostgreSQL backend.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresQuerySpec(PostgresServerFixture server) : QuerySpec
{
    protected override PersistenceBackend CreateBackend() => new PostgresBehaviourBackend(server);
}
