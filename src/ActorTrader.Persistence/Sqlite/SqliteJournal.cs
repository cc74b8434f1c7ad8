using System.Globalization;
using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Sql;
using Microsoft.Data.Sqlite;

namespace ActorTrader.Persistence.Sqlite;

/// <summary>
/// The embedded journal: one SQLite file in WAL mode with durable commits, holding events only (snapshots have a
/// file of their own, so a save never takes this file's write lock). Writes from all actors go through one writer
/// loop that groups them into shared transactions; reads use connections of their own.
/// </summary>
public sealed class SqliteJournal : IJournal
{
    private readonly SqliteDatabase _database;
    private SqliteJournalBatchWriter? _writer;
    private JournalWriteBatcher? _batcher;

    public SqliteJournal(SqliteStoreOptions options)
    {
        _database = SqliteDatabase.ForJournal(options);
    }

    /// <summary>The full path of the database file.</summary>
    public string FilePath => _database.FilePath;

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_batcher is not null)
        {
            return Task.CompletedTask;
        }

        var connection = _database.Open(writing: true, "opening the journal");
        try
        {
            _database.EnsureSchema(connection);
            _writer = new SqliteJournalBatchWriter(_database, connection);
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw _database.Explain(ex, "preparing the journal statements");
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        _batcher = new JournalWriteBatcher(_writer, _database.Options.MaxBatchSize, $"SQLite journal {_database.FilePath}");
        _batcher.Start();
        return Task.CompletedTask;
    }

    public Task WriteAsync(IReadOnlyList<PersistentRepr> events, CancellationToken cancellationToken = default)
    {
        JournalWriteValidation.Validate(events);
        var batcher = _batcher ?? throw new InvalidOperationException($"The journal on {_database.FilePath} has not been started. Fix: await StartAsync before writing.");
        return batcher.EnqueueAsync(events, cancellationToken);
    }

    public IAsyncEnumerable<PersistentRepr> ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        return SqliteReads.StreamAsync(
            _database,
            SqliteJournalSql.EventsByPersistenceId,
            p =>
            {
                p.AddWithValue("$persistence_id", persistenceId);
                p.AddWithValue("$from", fromSequenceNr);
                p.AddWithValue("$to", toSequenceNr);
                p.AddWithValue("$max", Math.Max(0, max));
            },
            JournalRowReader.Read,
            string.Create(CultureInfo.InvariantCulture, $"replaying '{persistenceId}' from {fromSequenceNr}"),
            cancellationToken);
    }

    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        return SqliteReads.ScalarInt64Async(
            _database,
            SqliteJournalSql.HighestSequenceNr,
            p => p.AddWithValue("$persistence_id", persistenceId),
            $"reading the highest sequence number of '{persistenceId}'",
            cancellationToken);
    }

    public Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        var operation = string.Create(CultureInfo.InvariantCulture, $"deleting events of '{persistenceId}' up to {toSequenceNr}");
        _database.CheckFileStillExists();
        using var connection = _database.Open(writing: true, operation);
        using var command = connection.CreateCommand();
        command.CommandText = SqliteJournalSql.MarkDeleted;
        command.Parameters.AddWithValue("$persistence_id", persistenceId);
        command.Parameters.AddWithValue("$to", toSequenceNr);
        try
        {
            command.ExecuteNonQuery();
        }
        catch (SqliteException ex)
        {
            throw _database.Explain(ex, operation);
        }

        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_batcher is not null)
        {
            await _batcher.DisposeAsync().ConfigureAwait(false);
        }

        _writer?.Dispose();
        _database.ReleasePooledConnections();
    }
}
