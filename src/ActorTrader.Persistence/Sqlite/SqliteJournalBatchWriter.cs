using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Sql;
using Microsoft.Data.Sqlite;

namespace ActorTrader.Persistence.Sqlite;

/// <summary>
/// The journal's only writing connection. One batch is one IMMEDIATE transaction. When a call hits the
/// unique key (a second writer, rare) the transaction is rolled back and the batch written again with one
/// savepoint per call, so that call is undone alone while the rest of the batch commits.
/// Statements are prepared once and re-bound per row.
/// </summary>
internal sealed class SqliteJournalBatchWriter : IJournalBatchWriter, IDisposable
{
    private const int ConstraintUnique = 2067;
    private const int ConstraintPrimaryKey = 1555;

    private readonly SqliteDatabase _database;
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _begin;
    private readonly SqliteCommand _commit;
    private readonly SqliteCommand _rollback;
    private readonly SqliteCommand _savepoint;
    private readonly SqliteCommand _release;
    private readonly SqliteCommand _rollbackToSavepoint;
    private readonly SqliteCommand _insert;
    private readonly SqliteParameter _persistenceId;
    private readonly SqliteParameter _sequenceNr;
    private readonly SqliteParameter _manifest;
    private readonly SqliteParameter _payload;
    private readonly SqliteParameter _createdAt;
    private readonly SqliteParameter _tags;
    private readonly SqliteParameter _writerId;
    private readonly SqliteParameter _writerEpoch;

    public SqliteJournalBatchWriter(SqliteDatabase database, SqliteConnection connection)
    {
        _database = database;
        _connection = connection;
        _begin = Prepare("BEGIN IMMEDIATE");
        _commit = Prepare("COMMIT");
        _rollback = Prepare("ROLLBACK");
        _savepoint = Prepare("SAVEPOINT journal_write");
        _release = Prepare("RELEASE journal_write");
        _rollbackToSavepoint = Prepare("ROLLBACK TO journal_write");
        _insert = connection.CreateCommand();
        _insert.CommandText = $"""
            INSERT INTO {JournalTable.Name} ({JournalTable.PersistenceId}, {JournalTable.SequenceNr}, {JournalTable.Manifest}, {JournalTable.Payload},
                {JournalTable.CreatedAt}, {JournalTable.Tags}, {JournalTable.WriterId}, {JournalTable.WriterEpoch}, {JournalTable.Deleted})
            VALUES ($persistence_id, $sequence_nr, $manifest, $payload, $created_at, $tags, $writer_id, $writer_epoch, 0)
            """;
        _persistenceId = _insert.Parameters.Add("$persistence_id", SqliteType.Text);
        _sequenceNr = _insert.Parameters.Add("$sequence_nr", SqliteType.Integer);
        _manifest = _insert.Parameters.Add("$manifest", SqliteType.Text);
        _payload = _insert.Parameters.Add("$payload", SqliteType.Blob);
        _createdAt = _insert.Parameters.Add("$created_at", SqliteType.Integer);
        _tags = _insert.Parameters.Add("$tags", SqliteType.Text);
        _writerId = _insert.Parameters.Add("$writer_id", SqliteType.Text);
        _writerEpoch = _insert.Parameters.Add("$writer_epoch", SqliteType.Integer);
        _insert.Prepare();
    }

    public Task WriteBatchAsync(JournalWriteBatch batch, CancellationToken cancellationToken)
    {
        _database.CheckFileStillExists();
        try
        {
            if (!TryWriteAll(batch))
            {
                WriteEachInSavepoint(batch);
            }
        }
        catch (SqliteException ex)
        {
            throw RollBack(ex, $"writing {batch.EventCount} events of {batch.Writes.Count} writes");
        }

        return Task.CompletedTask;
    }

    public void Dispose()
    {
        foreach (var command in new[] { _begin, _commit, _rollback, _savepoint, _release, _rollbackToSavepoint, _insert })
        {
            command.Dispose();
        }

        _connection.Dispose();
    }

    /// <summary>False when a row hit the unique key; the transaction is then rolled back.</summary>
    private bool TryWriteAll(JournalWriteBatch batch)
    {
        _begin.ExecuteNonQuery();
        foreach (var write in batch.Writes)
        {
            foreach (var e in write.Events)
            {
                try
                {
                    Insert(e);
                }
                catch (SqliteException ex) when (IsUniqueViolation(ex))
                {
                    _rollback.ExecuteNonQuery();
                    return false;
                }
            }
        }

        _commit.ExecuteNonQuery();
        return true;
    }

    private void WriteEachInSavepoint(JournalWriteBatch batch)
    {
        _begin.ExecuteNonQuery();
        foreach (var write in batch.Writes)
        {
            WriteInSavepoint(batch, write);
        }

        _commit.ExecuteNonQuery();
    }

    private static bool IsUniqueViolation(SqliteException ex) => ex.SqliteExtendedErrorCode is ConstraintUnique or ConstraintPrimaryKey;

    private void WriteInSavepoint(JournalWriteBatch batch, PendingJournalWrite write)
    {
        _savepoint.ExecuteNonQuery();
        foreach (var e in write.Events)
        {
            try
            {
                Insert(e);
            }
            catch (SqliteException ex) when (IsUniqueViolation(ex))
            {
                _rollbackToSavepoint.ExecuteNonQuery();
                _release.ExecuteNonQuery();
                batch.Reject(write, JournalConflict.Create(_database.FilePath, e.PersistenceId, e.SequenceNr, ex));
                return;
            }
        }

        _release.ExecuteNonQuery();
    }

    private void Insert(PersistentRepr e)
    {
        _persistenceId.Value = e.PersistenceId;
        _sequenceNr.Value = e.SequenceNr;
        _manifest.Value = e.Manifest;
        _payload.Value = e.Payload;
        _createdAt.Value = e.Timestamp.UtcTicks;
        _tags.Value = TagEncoding.Encode(e.Tags);
        _writerId.Value = e.WriterId;
        _writerEpoch.Value = e.Epoch;
        _insert.ExecuteNonQuery();
    }

    // SQLite rolls some failures (a full disk, I/O errors) back on its own; roll back only what is still open.
    private PersistenceStoreException RollBack(SqliteException cause, string operation)
    {
        var explained = _database.Explain(cause, operation);
        if (SQLitePCL.raw.sqlite3_get_autocommit(_connection.Handle) != 0)
        {
            return explained;
        }

        try
        {
            _rollback.ExecuteNonQuery();
            return explained;
        }
        catch (SqliteException rollbackFailure)
        {
            return new PersistenceStoreException(
                $"{explained.Message} Rolling the transaction back failed too ({rollbackFailure.Message}); SQLite undoes it from the WAL on the next open.",
                new AggregateException(cause, rollbackFailure));
        }
    }

    private SqliteCommand Prepare(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Prepare();
        return command;
    }
}
