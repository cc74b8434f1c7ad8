using ActorTrader.Persistence.Tests.Behaviour;

namespace ActorTrader.Persistence.Tests.Postgres;

/// <summary>The AtLeastOnceDelivery behaviour suite on the PostgreSQL backend.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresAtLeastOnceDeliverySpec(PostgresServerFixture server) : AtLeastOnceDeliverySpec
{
    protected override PersistenceBackend CreateBackend() => new PostgresBehaviourBackend(server);
}
