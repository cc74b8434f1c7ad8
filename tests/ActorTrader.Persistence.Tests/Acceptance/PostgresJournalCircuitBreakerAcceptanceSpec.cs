using ActorTrader.Persistence.Tests.Behaviour;
using ActorTrader.Persistence.Tests.Postgres;

namespace ActorTrader.Persistence.Tests.Acceptance;

/// <summary>The journal circuit-breaker acceptance suite on the PostgreSQL backend.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresJournalCircuitBreakerAcceptanceSpec(PostgresServerFixture server) : JournalCircuitBreakerAcceptanceSpec
{
    protected override PersistenceBackend CreateBackend() => new PostgresBehaviourBackend(server);
}
