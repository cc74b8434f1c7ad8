using ActorTrader.Persistence.Tests.Stores;

namespace ActorTrader.Persistence.Tests.Sqlite;

/// <summary>The JournalQuery contract on the embedded SQLite backend.</summary>
public sealed class SqliteJournalQuerySpec : JournalQueryContractSpec
{
    protected override StoreTestBackend CreateBackend() => new SqliteTestBackend();
}
