using ActorTrader.Persistence.Sqlite;
using ActorTrader.Persistence.Tests.Behaviour;
using ActorTrader.Persistence.Tests.Sqlite;
using Microsoft.Data.Sqlite;

namespace ActorTrader.Persistence.Tests.Acceptance;

/// <summary>
/// The SQLite journal file and the snapshot file next to it, in a directory of their own, whose options a test may
/// change between openings (a size cap that plays a full disk, a short busy timeout), with raw access to lock,
/// measure or move the files.
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

    /// <summary>The journal's file.</summary>
    public string DatabasePath => Options.DatabasePath;

    /// <summary>The snapshot store's file, next to the journal's.</summary>
    public string SnapshotDatabasePath => Options.SnapshotDatabasePath;

    public override async Task<PersistenceStores> OpenAsync()
    {
        var stores = SqliteStoreFactory.Create(Options);
        await stores.StartAsync();
        return stores;
    }

    /// <summary>The size in pages of the file at <paramref name="path"/> now (including pages still in the write-ahead log).</summary>
    public static async Task<long> PageCountAsync(string path) => (long)(await SqliteRawFile.ScalarAsync(path, "PRAGMA page_count"))!;

    /// <summary>Another process's connection that holds the journal file's write lock until disposed.</summary>
    public Task<SqliteConnection> HoldWriteLockAsync() => SqliteRawFile.HoldWriteLockAsync(DatabasePath);

    /// <summary>Moves the journal and snapshot files with their -wal/-shm files from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static void MoveFiles(string from, string to)
    {
        System.IO.Directory.CreateDirectory(to);
        foreach (var file in System.IO.Directory.GetFiles(from, "actortrader.*")) File.Move(file, Path.Combine(to, Path.GetFileName(file)));
    }

    public override async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
        await base.DisposeAsync();
    }
}
