using ActorTrader.Persistence.Tests.Stores;

namespace ActorTrader.Persistence.Tests.Sqlite;

/// <summary>The Journal contract on the embedded SQLite backend.</summary>
public sealed class SqliteJournalSpec : JournalContractSpec
{
    protected override StoreTestBackend CreateBackend() => new SqliteTestBackend();
}
