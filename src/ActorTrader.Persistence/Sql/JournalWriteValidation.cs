using ActorTrader.Persistence.Journal;

namespace ActorTrader.Persistence.Sql;

/// <summary>Checks the shape of one atomic write before it is queued, so a malformed call fails alone and at once.</summary>
internal static class JournalWriteValidation
{
    public static void Validate(IReadOnlyList<PersistentRepr> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            throw new ArgumentException("A journal write needs at least one event. Fix: do not call WriteAsync with an empty list.", nameof(events));
        }

        var first = events[0] ?? throw new ArgumentException("Event 0 of the write is null.", nameof(events));
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i] ?? throw new ArgumentException($"Event {i} of the write for '{first.PersistenceId}' is null.", nameof(events));
            if (string.IsNullOrEmpty(e.PersistenceId))
            {
                throw new ArgumentException($"Event {i} of the write has an empty persistence id. Fix: give the persistent actor a PersistenceId.", nameof(events));
            }

            if (!string.Equals(e.PersistenceId, first.PersistenceId, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"One atomic write mixes persistence ids '{first.PersistenceId}' and '{e.PersistenceId}'. Fix: write each actor's events in its own call.", nameof(events));
            }

            var expected = first.SequenceNr + i;
            if (e.SequenceNr != expected || e.SequenceNr < 1)
            {
                throw new ArgumentException(
                    $"Event {i} of the write for '{e.PersistenceId}' has sequence number {e.SequenceNr}, expected {expected} (numbers start at 1 and are consecutive within a write).", nameof(events));
            }

            if (string.IsNullOrEmpty(e.Manifest) || e.Payload is null || e.WriterId is null || e.Tags is null)
            {
                throw new ArgumentException(
                    $"Event {e.SequenceNr} of '{e.PersistenceId}' lacks a manifest, payload, writer id or tag list. Fix: serialize the event before writing it.", nameof(events));
            }

            foreach (var tag in e.Tags)
            {
                TagEncoding.Validate(tag, e.PersistenceId, e.SequenceNr);
            }
        }
    }
}
