using ActorTrader.Persistence.Tests.Behaviour;

namespace ActorTrader.Persistence.Tests.Sqlite;

/// <summary>The RecoveryFailure behaviour suite on the SQLite backend.</summary>
public sealed class SqliteRecoveryFailureSpec : RecoveryFailureSpec
{
    protected override PersistenceBackend CreateBackend() => new SqliteBehaviourBackend();
}
