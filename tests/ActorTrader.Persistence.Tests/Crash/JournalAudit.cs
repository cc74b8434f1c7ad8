using ActorTrader.Persistence.CrashProbe;
using ActorTrader.Persistence.Serialization;
using ActorTrader.Persistence.Snapshots;
using ActorTrader.Persistence.Sql;

namespace ActorTrader.Persistence.Tests.Crash;

/// <summary>
/// Reads one persistence id straight from the stores (not through a persistent actor) and checks what a kill
/// may never break: sequence numbers 1..n without gap, repeat or reordering; every acknowledged event present
/// with its value; every PersistAll batch whole; the newest snapshot equal to the state the journal gives at
/// its sequence number.
/// </summary>
internal static class JournalAudit
{
    public static async Task<AuditedHistory> AuditAsync(PersistenceStores stores, string persistenceId, IReadOnlyDictionary<long, long> acknowledged)
    {
        var serializer = ProbeSerialization.CreateSerializer();
        var events = new List<ValueAppended>();
        var states = new List<ProbeState> { ProbeState.Empty };
        await foreach (var repr in stores.Journal.ReplayAsync(persistenceId, 1, long.MaxValue, long.MaxValue))
        {
            var expected = events.Count + 1;
            if (repr.PersistenceId != persistenceId)
                throw new CrashCheckException($"Replaying {persistenceId} returned an event of {repr.PersistenceId} (sequence number {repr.SequenceNr}).");
            if (repr.SequenceNr != expected)
            {
                var what = repr.SequenceNr < expected ? "a repeated or out-of-order" : "a gap before";
                throw new CrashCheckException($"The journal of {persistenceId} has {what} sequence number {repr.SequenceNr} where {expected} was expected.");
            }
            var appended = (ValueAppended)serializer.Deserialize(repr.Manifest, repr.Payload, persistenceId, repr.SequenceNr);
            events.Add(appended);
            states.Add(states[^1].Apply(appended));
        }
        var highest = events.Count;

        var storedHighest = await stores.Journal.ReadHighestSequenceNrAsync(persistenceId);
        if (storedHighest != highest)
            throw new CrashCheckException($"The journal of {persistenceId} replays events 1..{highest} but reports {storedHighest} as its highest sequence number.");

        foreach (var (sequenceNr, value) in acknowledged)
        {
            if (sequenceNr > highest)
                throw new CrashCheckException($"Acknowledged event {sequenceNr} of {persistenceId} (value {value}) is missing: the journal ends at {highest}.");
            if (events[(int)sequenceNr - 1].Value != value)
                throw new CrashCheckException($"Event {sequenceNr} of {persistenceId} has value {events[(int)sequenceNr - 1].Value}, but {value} was acknowledged for it.");
        }

        CheckBatchesWhole(persistenceId, events);
        var snapshotSequenceNr = await AuditSnapshotAsync(stores.SnapshotStore, serializer, persistenceId, states);
        return new AuditedHistory(persistenceId, states, snapshotSequenceNr);
    }

    // A PersistAll of n events is one atomic write: events with indexes 0..n-1 follow each other, never a part of them.
    private static void CheckBatchesWhole(string persistenceId, List<ValueAppended> events)
    {
        for (var start = 0; start < events.Count;)
        {
            var size = events[start].BatchSize;
            for (var i = 0; i < size; i++)
            {
                var at = start + i;
                if (at >= events.Count || events[at].IndexInBatch != i || events[at].BatchSize != size)
                {
                    var found = at < events.Count ? $"event {at + 1} is {events[at]}" : $"the journal ends at {events.Count}";
                    throw new CrashCheckException($"The batch of {size} events of {persistenceId} starting at sequence number {start + 1} is not whole: {found}.");
                }
            }
            start += size;
        }
    }

    private static async Task<long> AuditSnapshotAsync(ISnapshotStore snapshots, EventSerializer serializer, string persistenceId, List<ProbeState> states)
    {
        var row = await snapshots.LoadAsync(persistenceId, SnapshotSelectionCriteria.Latest);
        if (row is null) return 0;
        var sequenceNr = row.Metadata.SequenceNr;
        if (sequenceNr < 1 || sequenceNr >= states.Count)
            throw new CrashCheckException($"The newest snapshot of {persistenceId} is at sequence number {sequenceNr}, outside the journal's 1..{states.Count - 1}.");
        var state = (ProbeState)serializer.DeserializeSnapshot(row.Manifest, row.Payload, persistenceId, sequenceNr);
        if (state != states[(int)sequenceNr])
            throw new CrashCheckException($"The snapshot of {persistenceId} at {sequenceNr} holds {state}, but the journal's events 1..{sequenceNr} give {states[(int)sequenceNr]}.");
        return sequenceNr;
    }
}
