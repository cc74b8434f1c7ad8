using ActorTrader.Persistence.Journal;

namespace ActorTrader.Persistence.Sql;

/// <summary>Builds the error for a write that collided with the unique key (persistence_id, sequence_nr).</summary>
internal static class JournalConflict
{
    public static JournalConcurrencyException Create(string store, string persistenceId, long sequenceNr, Exception? cause = null)
    {
        var message =
            $"Event {sequenceNr} of persistence id '{persistenceId}' already exists in {store}: a second writer for the same id. " +
            "The whole write was rejected, nothing was merged. Fix: make sure only one instance of the actor runs (in a cluster, the lease holder), then restart it so it recovers the stored events.";
        return cause is null
            ? new JournalConcurrencyException(message) { PersistenceId = persistenceId, SequenceNr = sequenceNr }
            : new JournalConcurrencyException(message, cause) { PersistenceId = persistenceId, SequenceNr = sequenceNr };
    }
}
