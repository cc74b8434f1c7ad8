using System.Globalization;
using ActorTrader.Persistence.Journal;
using Microsoft.Data.Sqlite;

namespace ActorTrader.Persistence.Sqlite;

/// <summary>
/// One SQLite database file, the journal's or the snapshot store's: opens connections configured for durable
/// commits (WAL, synchronous=FULL, busy timeout), creates that file's table and explains failures in terms of the file.
/// </summary>
internal sealed class SqliteDatabase
{
    private readonly string _connectionString;
    private readonly string _contents;
    private readonly string _schema;
    private readonly string _putBackFix;

    private SqliteDatabase(SqliteStoreOptions options, string path, string contents, string schema, string putBackFix)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("The SQLite database path is empty. Fix: set actortrader.persistence.sqlite.path.", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatchSize, 1, nameof(options.MaxBatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BusyTimeout, TimeSpan.Zero, nameof(options.BusyTimeout));
        Options = options;
        FilePath = Path.GetFullPath(path);
        _contents = contents;
        _schema = schema;
        _putBackFix = putBackFix;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // Readers open a connection per query (recovering actors open many); the pool keeps them warm.
            // ReleasePooledConnections closes them when the store is disposed.
            Pooling = true,
            // Microsoft.Data.Sqlite retries busy errors for this many seconds on top of SQLite's own busy handler.
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
        }.ToString();
    }

    /// <summary>The journal's file, <see cref="SqliteStoreOptions.DatabasePath"/> (the journal query reads it too).</summary>
    public static SqliteDatabase ForJournal(SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SqliteDatabase(options, options.DatabasePath, "journal", SqliteSchema.Journal, " or point actortrader.persistence.sqlite.path at it");
    }

    /// <summary>The snapshot store's file, <see cref="SqliteStoreOptions.SnapshotDatabasePath"/>: its own write lock, so saves never hold up journal commits.</summary>
    public static SqliteDatabase ForSnapshots(SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SqliteDatabase(options, options.SnapshotDatabasePath, "snapshot store", SqliteSchema.Snapshots, " next to the journal");
    }

    public SqliteStoreOptions Options { get; }

    public string FilePath { get; }

    /// <summary>Opens a connection; <paramref name="writing"/> connections also get the size cap when one is set.</summary>
    public SqliteConnection Open(bool writing, string operation)
    {
        CheckLocation();
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            var pragmas = string.Create(CultureInfo.InvariantCulture,
                $"PRAGMA busy_timeout = {(long)Options.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = FULL;");
            if (writing && Options.MaxPageCount is { } maxPages)
            {
                pragmas += string.Create(CultureInfo.InvariantCulture, $" PRAGMA max_page_count = {maxPages};");
            }

            Execute(connection, pragmas);
            return connection;
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw Explain(ex, operation);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Switches the file to WAL (readers never block the writer) and creates its table when missing.</summary>
    public void EnsureSchema(SqliteConnection connection)
    {
        try
        {
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "PRAGMA journal_mode = WAL;";
                var mode = Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture);
                if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                {
                    throw new PersistenceStoreException(
                        $"{FilePath} could not be switched to write-ahead logging (journal mode is '{mode}'). Fix: put the database on a local file system that supports shared memory (not a network share).");
                }
            }

            Execute(connection, _schema);
        }
        catch (SqliteException ex)
        {
            throw Explain(ex, $"creating the {_contents} schema");
        }
    }

    /// <summary>
    /// Refuses to write when the file was deleted or moved while open: the writes would land in an unlinked
    /// file and be gone at the next start.
    /// </summary>
    public void CheckFileStillExists()
    {
        if (!File.Exists(FilePath))
        {
            throw new PersistenceStoreException(
                $"The SQLite database {FilePath} was deleted or moved while the node was running; writes are refused because they would be lost. " +
                $"Fix: stop the node, put the file (with its -wal file) back{_putBackFix}, and start again.");
        }
    }

    /// <summary>Closes the idle pooled connections to this file (on disposal, so the file is not held open).</summary>
    public void ReleasePooledConnections()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    public PersistenceStoreException Explain(SqliteException exception, string operation) =>
        SqliteErrors.Explain(exception, FilePath, operation, Options.BusyTimeout);

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private void CheckLocation()
    {
        if (Directory.Exists(FilePath))
        {
            throw new PersistenceStoreException(
                $"{FilePath} is a directory, not a SQLite database file. Fix: point actortrader.persistence.sqlite.path at a file name (for example actortrader.db).");
        }

        var directory = Path.GetDirectoryName(FilePath);
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new PersistenceStoreException(
                $"The directory {directory} of the SQLite database {FilePath} does not exist (or is not a directory). " +
                "Fix: create it, or set actortrader.node.data-dir / actortrader.persistence.sqlite.path to an existing directory.");
        }
    }
}
