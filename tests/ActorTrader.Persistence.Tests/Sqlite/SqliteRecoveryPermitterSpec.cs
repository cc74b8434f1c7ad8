using ActorTrader.Persistence.Tests.Behaviour;

namespace ActorTrader.Persistence.Tests.Sqlite;

/// <summary>The RecoveryPermitter behaviour suite on the SQLite backend.</summary>
public sealed class SqliteRecoveryPermitterSpec : RecoveryPermitterSpec
{
    protected override PersistenceBackend CreateBackend() => new SqliteBehaviourBackend();
}
