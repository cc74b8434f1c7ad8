using ActorTrader.Persistence.Tests.Behaviour;

namespace ActorTrader.Persistence.Tests.Sqlite;

/// <summary>The PersistentActor behaviour suite on the SQLite backend.</summary>
public sealed class SqlitePersistentActorSpec : PersistentActorSpec
{
    protected override PersistenceBackend CreateBackend() => new SqliteBehaviourBackend();
}
