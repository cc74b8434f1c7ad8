using ActorTrader.Persistence.Tests.Behaviour;
using ActorTrader.Persistence.Tests.Sqlite;

namespace ActorTrader.Persistence.Tests.Acceptance;

/// <summary>The corrupt-row acceptance suite on the SQLite backend.</summary>
public sealed class SqliteCorruptRowsAcceptanceSpec : CorruptRowsAcceptanceSpec
{
    protected override PersistenceBackend CreateBackend() => new SqliteBehaviourBackend();
}
