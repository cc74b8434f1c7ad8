using ActorTrader.Persistence.Tests.Behaviour;

namespace ActorTrader.Persistence.Tests.Postgres;

/// <summary>The PersistentActor behaviour suite on the PostgreSQL backend.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresPersistentActorSpec(PostgresServerFixture server) : PersistentActorSpec
{
    protected override PersistenceBackend CreateBackend() => new PostgresBehaviourBackend(server);
}
