using System.Globalization;
using ActorTrader.Persistence.Snapshots;
using ActorTrader.Persistence.Sql;
using Microsoft.Data.Sqlite;

namespace ActorTrader.Persistence.Sqlite;

/// <summary>
/// Snapshots in a SQLite file of their own next to the journal's (<see cref="SqliteStoreOptions.SnapshotDatabasePath"/>),
/// with the journal's durability (WAL, synchronous=FULL, busy timeout). SQLite allows one writer per file, so a save
/// (a large insert and its fsync) in the journal's file would make journal commits wait; in its own file it never does.
/// </summary>
public sealed class SqliteSnapshotStore : ISnapshotStore
{
    private static readonly SnapshotSql Sql = new(SnapshotTable.Name);

    private readonly SqliteDatabase _database;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private SqliteConnection? _connection;

    public SqliteSnapshotStore(SqliteStoreOptions options)
    {
        _database = SqliteDatabase.ForSnapshots(options);
    }

    /// <summary>The full path of the snapshot database file.</summary>
    public string FilePath => _database.FilePath;

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_connection is not null)
        {
            return Task.CompletedTask;
        }

        var connection = _database.Open(writing: true, "opening the snapshot store");
        try
        {
            _database.EnsureSchema(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        _connection = connection;
        return Task.CompletedTask;
    }

    public async Task SaveAsync(SnapshotRow snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var metadata = snapshot.Metadata;
        await WriteAsync(
            Sql.Save,
            p =>
            {
                p.AddWithValue("@persistence_id", metadata.PersistenceId);
                p.AddWithValue("@sequence_nr", metadata.SequenceNr);
                p.AddWithValue("@created_at", metadata.Timestamp.UtcTicks);
                p.AddWithValue("@manifest", snapshot.Manifest);
                p.Add("@payload", SqliteType.Blob).Value = snapshot.Payload;
            },
            string.Create(CultureInfo.InvariantCulture, $"saving the snapshot of '{metadata.PersistenceId}' at {metadata.SequenceNr}"),
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<SnapshotRow?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        ArgumentNullException.ThrowIfNull(criteria);
        var rows = SqliteReads.StreamAsync(
            _database,
            Sql.LoadNewest,
            p => BindCriteria(p, persistenceId, criteria),
            SnapshotRowReader.Read,
            $"loading the snapshot of '{persistenceId}'",
            cancellationToken);
        await foreach (var row in rows.ConfigureAwait(false))
        {
            return row;
        }

        return null;
    }

    public Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        ArgumentNullException.ThrowIfNull(criteria);
        return WriteAsync(Sql.Delete, p => BindCriteria(p, persistenceId, criteria), $"deleting snapshots of '{persistenceId}'", cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        _connection?.Dispose();
        _connection = null;
        _writeGate.Dispose();
        _database.ReleasePooledConnections();

        return ValueTask.CompletedTask;
    }

    private static void BindCriteria(SqliteParameterCollection p, string persistenceId, SnapshotSelectionCriteria criteria)
    {
        p.AddWithValue("@persistence_id", persistenceId);
        p.AddWithValue("@max_sequence_nr", criteria.MaxSequenceNr);
        p.AddWithValue("@max_created_at", criteria.MaxTimestamp.UtcTicks);
    }

    private async Task WriteAsync(string sql, Action<SqliteParameterCollection> bind, string operation, CancellationToken cancellationToken)
    {
        var connection = _connection ?? throw new InvalidOperationException($"The snapshot store on {_database.FilePath} has not been started. Fix: await StartAsync first.");
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _database.CheckFileStillExists();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            bind(command.Parameters);
            command.ExecuteNonQuery();
        }
        catch (SqliteException ex)
        {
            throw _database.Explain(ex, operation);
        }
        finally
        {
            _writeGate.Release();
        }
    }
}
