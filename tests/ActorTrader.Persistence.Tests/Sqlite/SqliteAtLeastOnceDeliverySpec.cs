using ActorTrader.Persistence.Tests.Behaviour;

namespace ActorTrader.Persistence.Tests.Sqlite;

/// <summary>The AtLeastOnceDelivery behaviour suite on the SQLite backend.</summary>
public sealed class SqliteAtLeastOnceDeliverySpec : AtLeastOnceDeliverySpec
{
    protected override PersistenceBackend CreateBackend() => new SqliteBehaviourBackend();
}
