using ActorTrader.Persistence.Sql;
using ActorTrader.Persistence.Sqlite;
using ActorTrader.Persistence.Tests.Stores;
using Microsoft.Data.Sqlite;
using SqlSchema = ActorTrader.Persistence.Sql;

namespace ActorTrader.Persistence.Tests.Sqlite;

/// <summary>A SQLite database file in a temporary directory of its own, removed afterwards.</summary>
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

    public string DatabasePath => Options.DatabasePath;

    public override string JournalTable => SqlSchema.JournalTable.Name;

    public override async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    protected override SqlPersistenceStores CreateStores() => SqliteStoreFactory.Create(Options);

    protected override ValueTask DisposeStorageAsync()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
