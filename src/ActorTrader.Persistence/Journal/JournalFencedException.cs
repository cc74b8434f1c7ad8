namespace ActorTrader.Persistence.Journal;

/// <summary>
/// The database refused a write because its writer no longer holds the lease that fences its persistence id (a stale
/// fencing epoch, or the lease expired): another node owns the actor now. Nothing of the write was stored; the actor
/// must stop, and the lease holder recovers from the journal.
/// </summary>
public sealed class JournalFencedException : PersistenceStoreException
{
    public JournalFencedException(string message) : base(message) { }

    public JournalFencedException(string message, Exception innerException) : base(message, innerException) { }

    public string PersistenceId { get; init; } = "";
}
