using ActorTrader.Persistence.Tests.Behaviour;

namespace ActorTrader.Persistence.Tests.Postgres;

/// <summary>The RecoveryFailure behaviour suite on the PostgreSQL backend.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresRecoveryFailureSpec(PostgresServerFixture server) : RecoveryFailureSpec
{
    protected override PersistenceBackend CreateBackend() => new PostgresBehaviourBackend(server);
}
