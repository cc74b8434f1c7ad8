using ActorTrader.Persistence.Tests.Behaviour;

namespace ActorTrader.Persistence.Tests.Sqlite;

/// <summary>The Query behaviour suite on the SQLite backend.</summary>
public sealed class SqliteQuerySpec : QuerySpec
{
    protected override PersistenceBackend CreateBackend() => new SqliteBehaviourBackend();
}
