using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Sql;
using Npgsql;
using NpgsqlTypes;

namespace ActorTrader.Persistence.Postgres;

/// <summary>
/// Writes a batch as one prepared multi-row insert in one transaction. A unique violation (a second
/// writer) aborts the whole PostgreSQL transaction, so the batch is then retried call by call, each in a
/// savepoint: the colliding call is rejected alone and the others commit. Collisions are rare, so the
/// common path stays one round trip for the insert and one for the commit. A write the cluster's fencing trigger refuses
/// (its writer lost the lease) is rejected alone the same way, so other actors' writes in the batch still commit.
/// </summary>
internal sealed class PostgresJournalBatchWriter : IJournalBatchWriter
{
    private const string Savepoint = "journal_write";

    private readonly PostgresDatabase _database;
    private readonly PostgresJournalSql _sql;

    public PostgresJournalBatchWriter(PostgresDatabase database, PostgresJournalSql sql)
    {
        _database = database;
        _sql = sql;
    }

    public async Task WriteBatchAsync(JournalWriteBatch batch, CancellationToken cancellationToken)
    {
        var operation = $"writing {batch.EventCount} events of {batch.Writes.Count} writes";
        var connection = await _database.OpenAsync(operation, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                if (await TryWriteAllAsync(connection, batch, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                await WriteEachInSavepointAsync(connection, batch, cancellationToken).ConfigureAwait(false);
            }
            catch (NpgsqlException ex)
            {
                throw _database.Explain(ex, operation);
            }
        }
    }

    /// <summary>False when the batch hit the unique key (and was rolled back).</summary>
    private async Task<bool> TryWriteAllAsync(NpgsqlConnection connection, JournalWriteBatch batch, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            try
            {
                await InsertAsync(connection, transaction, batch.Writes, cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrors.UniqueViolation or PostgresErrors.Fenced)
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return false;
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
    }

    private async Task WriteEachInSavepointAsync(NpgsqlConnection connection, JournalWriteBatch batch, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            foreach (var write in batch.Writes)
            {
                await transaction.SaveAsync(Savepoint, cancellationToken).ConfigureAwait(false);
                try
                {
                    await InsertAsync(connection, transaction, [write], cancellationToken).ConfigureAwait(false);
                    await transaction.ReleaseAsync(Savepoint, cancellationToken).ConfigureAwait(false);
                }
                catch (PostgresException ex) when (ex.SqlState == PostgresErrors.UniqueViolation)
                {
                    await transaction.RollbackAsync(Savepoint, cancellationToken).ConfigureAwait(false);
                    var existing = await FirstExistingSequenceNrAsync(connection, transaction, write, cancellationToken).ConfigureAwait(false);
                    batch.Reject(write, JournalConflict.Create($"PostgreSQL {_database.Server}", write.PersistenceId, existing, ex));
                }
                catch (PostgresException ex) when (ex.SqlState == PostgresErrors.Fenced)
                {
                    await transaction.RollbackAsync(Savepoint, cancellationToken).ConfigureAwait(false);
                    batch.Reject(write, new JournalFencedException(
                        $"PostgreSQL {_database.Server} refused events {write.FirstSequenceNr}..{write.LastSequenceNr} of '{write.PersistenceId}': {ex.MessageText}. " +
                        "This node no longer holds the lease, so another node owns the actor; nothing was written. Fix: none needed, the lease holder recovers from the journal.", ex)
                    { PersistenceId = write.PersistenceId });
                }
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<PendingJournalWrite> writes, CancellationToken cancellationToken)
    {
        var count = writes.Sum(w => w.Events.Count);
        var persistenceIds = new string[count];
        var sequenceNrs = new long[count];
        var manifests = new string[count];
        var payloads = new byte[count][];
        var createdAts = new long[count];
        var tags = new string[count];
        var writerIds = new string[count];
        var writerEpochs = new long[count];
        var i = 0;
        foreach (var write in writes)
        {
            foreach (var e in write.Events)
            {
                persistenceIds[i] = e.PersistenceId;
                sequenceNrs[i] = e.SequenceNr;
                manifests[i] = e.Manifest;
                payloads[i] = e.Payload;
                createdAts[i] = e.Timestamp.UtcTicks;
                tags[i] = TagEncoding.Encode(e.Tags);
                writerIds[i] = e.WriterId;
                writerEpochs[i] = e.Epoch;
                i++;
            }
        }

        var command = new NpgsqlCommand(_sql.Insert, connection, transaction);
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.Add(new NpgsqlParameter("persistence_ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = persistenceIds });
            command.Parameters.Add(new NpgsqlParameter("sequence_nrs", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = sequenceNrs });
            command.Parameters.Add(new NpgsqlParameter("manifests", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = manifests });
            command.Parameters.Add(new NpgsqlParameter("payloads", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = payloads });
            command.Parameters.Add(new NpgsqlParameter("created_ats", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = createdAts });
            command.Parameters.Add(new NpgsqlParameter("tags", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = tags });
            command.Parameters.Add(new NpgsqlParameter("writer_ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = writerIds });
            command.Parameters.Add(new NpgsqlParameter("writer_epochs", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = writerEpochs });
            // Prepared once per physical connection; Npgsql keeps it across pool checkouts.
            await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<long> FirstExistingSequenceNrAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, PendingJournalWrite write, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(_sql.FirstExistingSequenceNr, connection, transaction);
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddWithValue("persistence_id", write.PersistenceId);
            command.Parameters.AddWithValue("from", write.FirstSequenceNr);
            command.Parameters.AddWithValue("to", write.LastSequenceNr);
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is long existing ? existing : write.FirstSequenceNr;
        }
    }
}
