using ActorTrader.Persistence.Sql;

namespace ActorTrader.Persistence.Sqlite;

/// <summary>
/// Builds the journal and query over the journal's SQLite file and the snapshot store over its own file next to it
/// (<see cref="SqliteStoreOptions.SnapshotDatabasePath"/>); start them with StartAsync, which creates both files.
/// </summary>
public static class SqliteStoreFactory
{
    /// <summary>The name <c>actortrader.persistence.journal</c> selects this backend with.</summary>
    public const string BackendName = "sqlite";

    public static PersistenceStores Create(SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new PersistenceStores(new SqliteJournal(options), new SqliteSnapshotStore(options), new SqliteJournalQuery(options));
    }

    /// <summary>From actortrader.persistence.sqlite; a relative path is resolved against <paramref name="dataDirectory"/> (node.data-dir).</summary>
    public static PersistenceStores Create(PersistenceSettings settings, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Create(new SqliteStoreOptions(SqliteStoreOptions.ResolvePath(dataDirectory, settings.Sqlite.Path))
        {
            BusyTimeout = settings.Sqlite.BusyTimeout,
            MaxBatchSize = settings.Sqlite.MaxBatchSize,
        });
    }
}
