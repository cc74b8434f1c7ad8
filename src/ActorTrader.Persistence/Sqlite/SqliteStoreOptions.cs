namespace ActorTrader.Persistence.Sqlite;

/// <summary>Settings of the embedded SQLite journal and snapshot store (actortrader.persistence.sqlite).</summary>
/// <param name="DatabasePath">
/// The journal's database file; its directory must exist. The snapshot store keeps its own file next to it
/// (<see cref="SnapshotDatabasePath"/>). See <see cref="ResolvePath"/> for the configured form.
/// </param>
public sealed record SqliteStoreOptions(string DatabasePath)
{
    /// <summary>What <see cref="SnapshotDatabasePath"/> adds before the journal file's extension.</summary>
    public const string SnapshotFileSuffix = ".snapshots";

    /// <summary>
    /// The snapshot store's database file: <see cref="DatabasePath"/> with <see cref="SnapshotFileSuffix"/> before
    /// its extension, in the same directory (actortrader.db → actortrader.snapshots.db). A file of its own because
    /// SQLite lets one connection write to a file at a time: a snapshot save (a large insert and its fsync) in the
    /// journal's file would make journal commits wait for it. It gets the same durability settings as the journal.
    /// </summary>
    public string SnapshotDatabasePath
    {
        get
        {
            if (string.IsNullOrWhiteSpace(DatabasePath))
            {
                return DatabasePath;
            }

            var name = Path.GetFileNameWithoutExtension(DatabasePath) + SnapshotFileSuffix + Path.GetExtension(DatabasePath);
            return Path.Combine(Path.GetDirectoryName(DatabasePath) ?? "", name);
        }
    }

    /// <summary>How long a connection waits for a lock another connection or process holds (busy-timeout).</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Most journal writes grouped into one transaction (max-batch-size).</summary>
    public int MaxBatchSize { get; init; } = 1000;

    /// <summary>
    /// Caps the size in pages of each file (journal and snapshots alike) on the writing connections; tests use it to
    /// simulate a full disk. It cannot shrink a file, so a cap below a file's size pins that file at its size.
    /// </summary>
    internal long? MaxPageCount { get; init; }

    /// <summary>Resolves the configured sqlite.path against node.data-dir (absolute paths are kept).</summary>
    public static string ResolvePath(string dataDirectory, string configuredPath)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        ArgumentNullException.ThrowIfNull(configuredPath);
        return Path.GetFullPath(Path.Combine(dataDirectory, configuredPath));
    }
}
