using ActorTrader.Persistence.Sqlite;
using ActorTrader.Persistence.Tests.Behaviour;
using Microsoft.Data.Sqlite;

namespace ActorTrader.Persistence.Tests.Acceptance;

/// <summary>
/// A SQLite file in a directory of its own whose options a test may change between openings (a size cap that
/// plays a full disk, a short busy timeout), with raw access to lock, measure or move the file.
/// </summary>
public sealed class SqliteFaultBackend : PersistenceBackend
{
    public SqliteFaultBackend()
    {
        Directory = Path.Combine(Path.GetTempPath(), "actortrader-sqlite-acceptance", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Options = new SqliteStoreOptions(Path.Combine(Directory, "actortrader.db"));
    }

    public string Directory { get; }

    /// <summary>The options the next <see cref="OpenAsync"/> uses.</summary>
    public SqliteStoreOptions Options { get; set; }

    public string DatabasePath => Options.DatabasePath;

    public override async Task<PersistenceStores> OpenAsync()
    {
        var stores = SqliteStoreFactory.Create(Options);
        await stores.StartAsync();
        return stores.AsPersistenceStores();
    }

    /// <summary>The database size in pages now (including pages still in the write-ahead log).</summary>
    public async Task<long> PageCountAsync()
    {
        await using var connection = await OpenRawAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_count";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Another process's connection that holds the write lock until disposed.</summary>
    public async Task<SqliteConnection> HoldWriteLockAsync()
    {
        var connection = await OpenRawAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "BEGIN IMMEDIATE";
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    /// <summary>Moves the database and its -wal/-shm files into <paramref name="elsewhere"/> (or back from it).</summary>
    public static void MoveFiles(string from, string to)
    {
        System.IO.Directory.CreateDirectory(to);
        foreach (var file in System.IO.Directory.GetFiles(from, "actortrader.db*")) File.Move(file, Path.Combine(to, Path.GetFileName(file)));
    }

    public override async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
        await base.DisposeAsync();
    }

    private async Task<SqliteConnection> OpenRawAsync()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }
}
