using ActorTrader.Persistence.Tests.Stores;

namespace ActorTrader.Persistence.Tests.Sqlite;

/// <summary>The SnapshotStore contract on the embedded SQLite backend.</summary>
public sealed class SqliteSnapshotStoreSpec : SnapshotStoreContractSpec
{
    protected override StoreTestBackend CreateBackend() => new SqliteTestBackend();
}
