using ActorTrader.Persistence.Tests.Stores;

namespace ActorTrader.Persistence.Tests.Sqlite;

/// <summary>The StoredRows contract on the embedded SQLite backend.</summary>
public sealed class SqliteStoredRowsSpec : StoredRowsContractSpec
{
    protected override StoreTestBackend CreateBackend() => new SqliteTestBackend();
}
