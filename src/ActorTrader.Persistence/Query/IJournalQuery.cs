using ActorTrader.Persistence.Journal;

namespace ActorTrader.Persistence.Query;

/// <summary>
/// Raw read-model queries over the journal. <c>ordering</c> offsets are exclusive: pass the last
/// offset you processed (0 to start). Reads are gap-tolerant: an ordering that is allocated but not yet
/// committed (a concurrent transaction) is waited for up to <c>gapTimeout</c>, then skipped for good.
/// Deleted events are skipped. Deserialization happens in <c>ReadJournal</c>, on top of this.
/// </summary>
public interface IJournalQuery
{
    IAsyncEnumerable<PersistentRepr> CurrentEventsByPersistenceIdAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, CancellationToken cancellationToken = default);

    IAsyncEnumerable<PersistentRepr> CurrentEventsByTagAsync(string tag, long afterOrdering, int max, CancellationToken cancellationToken = default);

    /// <summary>All events after the offset, any id, ascending ordering (projections that follow everything).</summary>
    IAsyncEnumerable<PersistentRepr> CurrentAllEventsAsync(long afterOrdering, int max, CancellationToken cancellationToken = default);

    Task<long> MaxOrderingAsync(CancellationToken cancellationToken = default);

    IAsyncEnumerable<string> CurrentPersistenceIdsAsync(CancellationToken cancellationToken = default);
}
