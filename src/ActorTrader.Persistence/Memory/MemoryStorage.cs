using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Snapshots;

namespace ActorTrader.Persistence.Memory;

/// <summary>
/// The data behind the in-memory journal, snapshot store and query: it outlives them, so a test can dispose the
/// stores and open new ones over the same data (a process restart without the disk). Thread-safe.
/// </summary>
public sealed class MemoryStorage
{
    internal Lock Gate { get; } = new();

    /// <summary>Rows per persistence id, ascending sequence number (deleted rows stay, flagged).</summary>
    internal Dictionary<string, List<PersistentRepr>> EventsById { get; } = new(StringComparer.Ordinal);

    /// <summary>Every row in ordering order; the index of a row is its ordering - 1.</summary>
    internal List<PersistentRepr> EventsByOrdering { get; } = [];

    internal Dictionary<string, SortedDictionary<long, SnapshotRow>> SnapshotsById { get; } = new(StringComparer.Ordinal);

    /// <summary>Number of events stored (deleted ones included).</summary>
    public int EventCount
    {
        get
        {
            lock (Gate) return EventsByOrdering.Count;
        }
    }

    /// <summary>Replaces the payload of one stored event: lets tests corrupt a row the way a bad disk or a hand edit would.</summary>
    public void CorruptEvent(string persistenceId, long sequenceNr, Func<PersistentRepr, PersistentRepr> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (Gate)
        {
            var rows = EventsById.TryGetValue(persistenceId, out var found) ? found : throw new KeyNotFoundException($"No events for persistence id \"{persistenceId}\".");
            var index = rows.FindIndex(r => r.SequenceNr == sequenceNr);
            if (index < 0) throw new KeyNotFoundException($"No event {sequenceNr} for persistence id \"{persistenceId}\".");
            var old = rows[index];
            var replaced = change(old) with { Ordering = old.Ordering, IsDeleted = old.IsDeleted };
            rows[index] = replaced;
            EventsByOrdering[(int)(old.Ordering - 1)] = replaced;
        }
    }

    internal static PersistentRepr Copy(PersistentRepr repr) =>
        repr with { Payload = (byte[])repr.Payload.Clone(), Tags = repr.Tags.ToArray() };
}
