namespace ActorTrader.Persistence.Sql;

/// <summary>
/// The writes the writer loop hands to a backend for one transaction. The backend rejects single writes
/// (a unique-key collision) with <see cref="Reject"/>; every write it did not reject counts as committed
/// once <see cref="IJournalBatchWriter.WriteBatchAsync"/> returns.
/// </summary>
internal sealed class JournalWriteBatch
{
    private readonly Dictionary<PendingJournalWrite, Exception> _rejected = [];

    public JournalWriteBatch(IReadOnlyList<PendingJournalWrite> writes)
    {
        Writes = writes;
    }

    public IReadOnlyList<PendingJournalWrite> Writes { get; }

    public int EventCount => Writes.Sum(w => w.Events.Count);

    public void Reject(PendingJournalWrite write, Exception reason) => _rejected[write] = reason;

    internal void CompleteCommitted()
    {
        foreach (var write in Writes)
        {
            if (_rejected.TryGetValue(write, out var reason))
            {
                write.Fail(reason);
            }
            else
            {
                write.Succeed();
            }
        }
    }

    internal void FailAll(Exception reason)
    {
        foreach (var write in Writes)
        {
            write.Fail(reason);
        }
    }
}
