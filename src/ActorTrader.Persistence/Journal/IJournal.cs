namespace ActorTrader.Persistence.Journal;

/// <summary>
/// The event journal: an append-only log per persistence id. Implementations must be safe to call
/// from many actors at once, and a write that returned successfully must be durable (it survives a
/// process kill and a power cut to the extent the database promises).
/// </summary>
public interface IJournal : IAsyncDisposable
{
    /// <summary>Creates the schema when missing and checks the store is usable; throws <see cref="PersistenceStoreException"/> with a fix otherwise.</summary>
    Task StartAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends one atomic write: all events are stored or none. Events of one call belong to one
    /// persistence id with consecutive sequence numbers. A sequence number that already exists for the
    /// persistence id throws <see cref="JournalConcurrencyException"/> (a second writer), never merges.
    /// Concurrent calls may be grouped into one database transaction by the implementation, but each
    /// call succeeds or fails on its own.
    /// </summary>
    Task WriteAsync(IReadOnlyList<PersistentRepr> events, CancellationToken cancellationToken = default);

    /// <summary>Events of <paramref name="persistenceId"/> with fromSequenceNr ≤ sequence_nr ≤ toSequenceNr, ascending, at most <paramref name="max"/>; logically deleted events are skipped.</summary>
    IAsyncEnumerable<PersistentRepr> ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, CancellationToken cancellationToken = default);

    /// <summary>The highest sequence number ever written for the id (deleted events included, so numbers are never reused); 0 when none.</summary>
    Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken = default);

    /// <summary>Marks events up to and including <paramref name="toSequenceNr"/> deleted. The highest sequence number is kept.</summary>
    Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default);
}
