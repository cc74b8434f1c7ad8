using System.Runtime.CompilerServices;
using ActorTrader.Actors;
using ActorTrader.Persistence.Journal;

using ActorTrader.Persistence.Serialization;

namespace ActorTrader.Persistence.Query;

/// <summary>
/// Read-model queries with deserialized events (Akka.Persistence.Query's read journal). Offsets are the journal's
/// ordering and exclusive: resume from the last <see cref="EventEnvelope.Offset"/> you processed. The "Current" queries
/// end at the present; <see cref="EventsByTag"/> keeps polling for new events until cancelled.
/// </summary>
public sealed class ReadJournal(IJournalQuery query, EventSerializer serializer, IScheduler scheduler)
{
    /// <summary>Events of one persistence id, ascending sequence numbers (deleted ones skipped).</summary>
    public async IAsyncEnumerable<EventEnvelope> CurrentEventsByPersistenceId(string persistenceId, long fromSequenceNr = 0, long toSequenceNr = long.MaxValue,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var repr in query.CurrentEventsByPersistenceIdAsync(persistenceId, fromSequenceNr, toSequenceNr, cancellationToken).ConfigureAwait(false))
            yield return ToEnvelope(repr);
    }

    /// <summary>Events carrying <paramref name="tag"/> with an ordering after <paramref name="offset"/>, ascending, read in pages.</summary>
    public IAsyncEnumerable<EventEnvelope> CurrentEventsByTag(string tag, long offset = 0, int pageSize = 1000, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return Paged((after, max, token) => query.CurrentEventsByTagAsync(tag, after, max, token), offset, pageSize, cancellationToken);
    }

    /// <summary>Every event after <paramref name="offset"/>, any persistence id, ascending ordering.</summary>
    public IAsyncEnumerable<EventEnvelope> CurrentAllEvents(long offset = 0, int pageSize = 1000, CancellationToken cancellationToken = default) =>
        Paged(query.CurrentAllEventsAsync, offset, pageSize, cancellationToken);

    /// <summary>Like <see cref="CurrentEventsByTag"/>, then waits <paramref name="pollInterval"/> (on the system clock) and continues, until cancelled.</summary>
    public async IAsyncEnumerable<EventEnvelope> EventsByTag(string tag, long offset, TimeSpan pollInterval,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(pollInterval, TimeSpan.Zero);
        var after = offset;
        while (!cancellationToken.IsCancellationRequested)
        {
            await foreach (var envelope in CurrentEventsByTag(tag, after, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                after = envelope.Offset;
                yield return envelope;
            }
            var elapsed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            scheduler.ScheduleOnce(pollInterval, () => elapsed.TrySetResult());
            await elapsed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async IAsyncEnumerable<EventEnvelope> Paged(Func<long, int, CancellationToken, IAsyncEnumerable<PersistentRepr>> page, long offset, int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var after = offset;
        while (true)
        {
            var count = 0;
            await foreach (var repr in page(after, pageSize, cancellationToken).ConfigureAwait(false))
            {
                count++;
                after = repr.Ordering;
                yield return ToEnvelope(repr);
            }
            if (count < pageSize) yield break;
        }
    }

    private EventEnvelope ToEnvelope(PersistentRepr repr) =>
        new(repr.Ordering, repr.PersistenceId, repr.SequenceNr, serializer.Deserialize(repr.Manifest, repr.Payload, repr.PersistenceId, repr.SequenceNr), repr.Timestamp, repr.Tags);
}
