using ActorTrader.Persistence.Tests.Behaviour;
using ActorTrader.Persistence.Tests.Postgres;

namespace ActorTrader.Persistence.Tests.Acceptance;

/// <summary>The corrupt-row acceptance suite on the PostgreSQL backend.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCorruptRowsAcceptanceSpec(PostgresServerFixture server) : CorruptRowsAcceptanceSpec
{
    protected override PersistenceBackend CreateBackend() => new PostgresBehaviourBackend(server);
}
