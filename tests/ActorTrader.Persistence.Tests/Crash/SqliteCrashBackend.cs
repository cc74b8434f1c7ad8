using ActorTrader.Persistence.Sql;
using ActorTrader.Persistence.Sqlite;

namespace ActorTrader.Persistence.Tests.Crash;

/// <summary>A fresh SQLite journal file (and the snapshot file the store puts next to it) in a temporary directory, removed afterwards.</summary>
internal sealed class SqliteCrashBackend : ICrashBackend
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"actortrader-crash-{Guid.NewGuid():N}");
    private readonly string _path;

    public SqliteCrashBackend()
    {
        Directory.CreateDirectory(_directory);
        _path = Path.Combine(_directory, "crash.db");
    }

    public string Description => $"SQLite {_path} (snapshots in {new SqliteStoreOptions(_path).SnapshotDatabasePath})";

    public IReadOnlyList<string> ProbeArguments => ["sqlite", _path];

    public PersistenceStores CreateStores() => SqliteStoreFactory.Create(new SqliteStoreOptions(_path));

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
