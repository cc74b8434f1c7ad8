namespace ActorTrader.Persistence.Sqlite;

/// <summary>Settings of the embedded SQLite journal and snapshot store (actortrader.persistence.sqlite).</summary>
/// <param name="DatabasePath">The database file; its directory must exist. See <see cref="ResolvePath"/> for the configured form.</param>
public sealed record SqliteStoreOptions(string DatabasePath)
{
    /// <summary>How long a connection waits for a lock another connection or process holds (busy-timeout).</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Most journal writes grouped into one transaction (max-batch-size).</summary>
    public int MaxBatchSize { get; init; } = 1000;

    /// <summary>Caps the database size in pages on the writing connections; tests use it to simulate a full disk.</summary>
    internal long? MaxPageCount { get; init; }

    /// <summary>Resolves the configured sqlite.path against node.data-dir (absolute paths are kept).</summary>
    public static string ResolvePath(string dataDirectory, string configuredPath)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        ArgumentNullException.ThrowIfNull(configuredPath);
        return Path.GetFullPath(Path.Combine(dataDirectory, configuredPath));
    }
}
