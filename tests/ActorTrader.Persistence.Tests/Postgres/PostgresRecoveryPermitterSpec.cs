using ActorTrader.Persistence.Tests.Behaviour;

namespace ActorTrader.Persistence.Tests.Postgres;

/// <summary>The RecoveryPermitter behaviour suite on the PostgreSQL backend.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresRecoveryPermitterSpec(PostgresServerFixture server) : RecoveryPermitterSpec
{
    protected override PersistenceBackend CreateBackend() => new PostgresBehaviourBackend(server);
}
