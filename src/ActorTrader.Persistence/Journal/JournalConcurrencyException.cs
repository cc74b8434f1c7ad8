namespace ActorTrader.Persistence.Journal;

/// <summary>A write collided with an existing (persistence_id, sequence_nr): another writer owns the id. Never retried, never merged.</summary>
public sealed class JournalConcurrencyException : PersistenceStoreException
{
    public JournalConcurrencyException() { }

    public JournalConcurrencyException(string message) : base(message) { }

    public JournalConcurrencyException(string message, Exception innerException) : base(message, innerException) { }

    public string PersistenceId { get; init; } = "";

    public long SequenceNr { get; init; }
}
