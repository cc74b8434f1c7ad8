using System.Globalization;
using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Sql;

namespace ActorTrader.Persistence.Postgres;

/// <summary>
/// The cluster journal on PostgreSQL: the same table layout as the SQLite journal, writes from all actors
/// grouped by one writer loop into multi-row inserts, durable when the server commits.
/// </summary>
public sealed class PostgresJournal : IJournal
{
    private readonly PostgresDatabase _database;
    private readonly PostgresJournalSql _sql;
    private readonly bool _ownsDatabase;
    private JournalWriteBatcher? _batcher;

    /// <summary>A journal with a connection pool of its own.</summary>
    public PostgresJournal(PostgresStoreOptions options)
        : this(new PostgresDatabase(options), ownsDatabase: true)
    {
    }

    internal PostgresJournal(PostgresDatabase database, bool ownsDatabase)
    {
        _database = database;
        _ownsDatabase = ownsDatabase;
        _sql = new PostgresJournalSql(database.JournalTableName);
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_batcher is not null)
        {
            return;
        }

        await _database.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var batcher = new JournalWriteBatcher(new PostgresJournalBatchWriter(_database, _sql), _database.Options.MaxBatchSize, $"PostgreSQL {_database.Server}");
        batcher.Start();
        _batcher = batcher;
    }

    public Task WriteAsync(IReadOnlyList<PersistentRepr> events, CancellationToken cancellationToken = default)
    {
        JournalWriteValidation.Validate(events);
        var batcher = _batcher ?? throw new InvalidOperationException($"The journal on PostgreSQL {_database.Server} has not been started. Fix: await StartAsync before writing.");
        return batcher.EnqueueAsync(events, cancellationToken);
    }

    public IAsyncEnumerable<PersistentRepr> ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        return PostgresReads.StreamAsync(
            _database,
            _sql.EventsByPersistenceId,
            p =>
            {
                p.AddWithValue("persistence_id", persistenceId);
                p.AddWithValue("from", fromSequenceNr);
                p.AddWithValue("to", toSequenceNr);
                p.AddWithValue("max", Math.Max(0, max));
            },
            JournalRowReader.Read,
            string.Create(CultureInfo.InvariantCulture, $"replaying '{persistenceId}' from {fromSequenceNr}"),
            cancellationToken);
    }

    public async Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        var value = await PostgresReads.ScalarAsync(
            _database,
            _sql.HighestSequenceNr,
            p => p.AddWithValue("persistence_id", persistenceId),
            $"reading the highest sequence number of '{persistenceId}'",
            cancellationToken).ConfigureAwait(false);
        return Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    public Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        return PostgresReads.ExecuteAsync(
            _database,
            _sql.MarkDeleted,
            p =>
            {
                p.AddWithValue("persistence_id", persistenceId);
                p.AddWithValue("to", toSequenceNr);
            },
            string.Create(CultureInfo.InvariantCulture, $"deleting events of '{persistenceId}' up to {toSequenceNr}"),
            cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_batcher is not null)
        {
            await _batcher.DisposeAsync().ConfigureAwait(false);
        }

        if (_ownsDatabase)
        {
            await _database.DisposeAsync().ConfigureAwait(false);
        }
    }
}
