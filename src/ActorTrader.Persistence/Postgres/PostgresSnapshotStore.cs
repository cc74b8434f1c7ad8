using System.Globalization;
using ActorTrader.Persistence.Snapshots;
using ActorTrader.Persistence.Sql;
using Npgsql;
using NpgsqlTypes;

namespace ActorTrader.Persistence.Postgres;

/// <summary>Snapshots on PostgreSQL: each save, load and delete is one statement on its own pooled connection, so it never waits for journal writes.</summary>
public sealed class PostgresSnapshotStore : ISnapshotStore
{
    private readonly PostgresDatabase _database;
    private readonly SnapshotSql _sql;
    private readonly bool _ownsDatabase;

    /// <summary>A snapshot store with a connection pool of its own.</summary>
    public PostgresSnapshotStore(PostgresStoreOptions options)
        : this(new PostgresDatabase(options), ownsDatabase: true)
    {
    }

    internal PostgresSnapshotStore(PostgresDatabase database, bool ownsDatabase)
    {
        _database = database;
        _ownsDatabase = ownsDatabase;
        _sql = new SnapshotSql(database.SnapshotTableName);
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => _database.EnsureSchemaAsync(cancellationToken);

    public Task SaveAsync(SnapshotRow snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var metadata = snapshot.Metadata;
        return PostgresReads.ExecuteAsync(
            _database,
            _sql.Save,
            p =>
            {
                p.AddWithValue("persistence_id", metadata.PersistenceId);
                p.AddWithValue("sequence_nr", metadata.SequenceNr);
                p.AddWithValue("created_at", metadata.Timestamp.UtcTicks);
                p.AddWithValue("manifest", snapshot.Manifest);
                p.Add(new NpgsqlParameter("payload", NpgsqlDbType.Bytea) { Value = snapshot.Payload });
            },
            string.Create(CultureInfo.InvariantCulture, $"saving the snapshot of '{metadata.PersistenceId}' at {metadata.SequenceNr}"),
            cancellationToken);
    }

    public async Task<SnapshotRow?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        ArgumentNullException.ThrowIfNull(criteria);
        var rows = PostgresReads.StreamAsync(
            _database,
            _sql.LoadNewest,
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
        return PostgresReads.ExecuteAsync(_database, _sql.Delete, p => BindCriteria(p, persistenceId, criteria), $"deleting snapshots of '{persistenceId}'", cancellationToken);
    }

    public ValueTask DisposeAsync() => _ownsDatabase ? _database.DisposeAsync() : ValueTask.CompletedTask;

    private static void BindCriteria(NpgsqlParameterCollection p, string persistenceId, SnapshotSelectionCriteria criteria)
    {
        p.AddWithValue("persistence_id", persistenceId);
        p.AddWithValue("max_sequence_nr", criteria.MaxSequenceNr);
        p.AddWithValue("max_created_at", criteria.MaxTimestamp.UtcTicks);
    }
}
