namespace ActorTrader.Persistence.Sql;

/// <summary>A backend's transaction for one batch of journal writes (see <see cref="JournalWriteBatcher"/>).</summary>
internal interface IJournalBatchWriter
{
    /// <summary>
    /// Stores every write of the batch in one transaction and commits durably. A write that collides with
    /// the unique key is rolled back alone and passed to <see cref="JournalWriteBatch.Reject"/>; the others
    /// still commit. Any other failure throws a <see cref="Journal.PersistenceStoreException"/> and nothing
    /// of the batch is committed.
    /// </summary>
    Task WriteBatchAsync(JournalWriteBatch batch, CancellationToken cancellationToken);
}
