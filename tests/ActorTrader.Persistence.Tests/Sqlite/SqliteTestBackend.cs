using ActorTrader.Persistence.Sql;
using ActorTrader.Persistence.Sqlite;
using ActorTrader.Persistence.Tests.Stores;
using SqlSchema = ActorTrader.Persistence.Sql;

namespace ActorTrader.Persistence.Tests.Sqlite;

/// <summary>The SQLite journal file and the snapshot file next to it, in a temporary directory of their own, removed afterwards.</summary>
public sealed class SqliteTestBackend : StoreTestBackend
{
    public SqliteTestBackend()
    {
        Directory = Path.Combine(Path.GetTempPath(), "actortrader-sqlite-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Options = new SqliteStoreOptions(Path.Combine(Directory, "actortrader.db")) { BusyTimeout = TimeSpan.FromSeconds(5) };
    }

    public string Directory { get; }

    public SqliteStoreOptions Options { get; set; }

    /// <summary>The journal's file.</summary>
    public string DatabasePath => Options.DatabasePath;

    /// <summary>The snapshot store's file, next to the journal's.</summary>
    public string SnapshotDatabasePath => Options.SnapshotDatabasePath;

    public override string JournalTable => SqlSchema.JournalTable.Name;

    /// <summary>Runs <paramref name="sql"/> on the journal's file.</summary>
    public override Task ExecuteSqlAsync(string sql) => SqliteRawFile.ExecuteAsync(DatabasePath, sql);

    protected override PersistenceStores CreateStores() => SqliteStoreFactory.Create(Options);

    protected override ValueTask DisposeStorageAsync()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
