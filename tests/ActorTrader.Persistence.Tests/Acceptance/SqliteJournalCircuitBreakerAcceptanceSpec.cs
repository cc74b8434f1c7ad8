using ActorTrader.Persistence.Tests.Behaviour;
using ActorTrader.Persistence.Tests.Sqlite;

namespace ActorTrader.Persistence.Tests.Acceptance;

/// <summary>The journal circuit-breaker acceptance suite on the SQLite backend.</summary>
public sealed class SqliteJournalCircuitBreakerAcceptanceSpec : JournalCircuitBreakerAcceptanceSpec
{
    protected override PersistenceBackend CreateBackend() => new SqliteBehaviourBackend();
}
