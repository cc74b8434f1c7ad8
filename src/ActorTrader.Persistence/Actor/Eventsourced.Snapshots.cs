using ActorTrader.Actors;
using ActorTrader.Persistence.Serialization;

using ActorTrader.Persistence.Snapshots;

namespace ActorTrader.Persistence;

// Snapshots and deletes (Akka's Snapshotter and DeleteMessages). Their results arrive as ordinary commands.
public abstract partial class Eventsourced
{
    /// <summary>Saves <paramref name="snapshot"/> as the state after <see cref="SnapshotSequenceNr"/>; answers <see cref="SaveSnapshotSuccess"/> or <see cref="SaveSnapshotFailure"/>.</summary>
    public void SaveSnapshot(object snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var metadata = NewSnapshotMetadata();
        SerializedPayload serialized;
        try
        {
            serialized = _persistence.Serializer.SerializeSnapshot(snapshot, metadata.PersistenceId, metadata.SequenceNr);
        }
        catch (PersistenceSerializationException e)
        {
            Self.Tell(new SaveSnapshotFailure(metadata, e), Self);
            return;
        }
        var row = new SnapshotRow(metadata, serialized.Manifest, serialized.Bytes);
        var persistence = _persistence;
        ReplyWhenDone(() => persistence.SnapshotBreaker.WithCircuitBreaker(token => persistence.SnapshotStore.SaveAsync(row, token)),
            () => new SaveSnapshotSuccess(metadata), e => new SaveSnapshotFailure(metadata, e));
    }

    /// <summary>Deletes the snapshots that match; answers <see cref="DeleteSnapshotsSuccess"/> or <see cref="DeleteSnapshotsFailure"/>.</summary>
    public void DeleteSnapshots(SnapshotSelectionCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var persistenceId = PersistenceIdChecked;
        var persistence = _persistence;
        ReplyWhenDone(() => persistence.SnapshotBreaker.WithCircuitBreaker(token => persistence.SnapshotStore.DeleteAsync(persistenceId, criteria, token)),
            () => new DeleteSnapshotsSuccess(criteria), e => new DeleteSnapshotsFailure(criteria, e));
    }

    /// <summary>
    /// Deletes events up to <paramref name="toSequenceNr"/> (at most <see cref="LastSequenceNr"/>; <c>long.MaxValue</c> means all so far).
    /// They are no longer replayed; numbering continues after them. Answers <see cref="DeleteMessagesSuccess"/> or <see cref="DeleteMessagesFailure"/>.
    /// </summary>
    public void DeleteMessages(long toSequenceNr)
    {
        if (toSequenceNr != long.MaxValue && toSequenceNr > LastSequenceNr)
        {
            Self.Tell(new DeleteMessagesFailure(new ArgumentOutOfRangeException(nameof(toSequenceNr), toSequenceNr,
                $"toSequenceNr {toSequenceNr} is beyond the last sequence number {LastSequenceNr} of \"{PersistenceIdChecked}\". Fix: delete only events that were persisted."), toSequenceNr), Self);
            return;
        }
        var upTo = Math.Min(toSequenceNr, LastSequenceNr);
        var persistenceId = PersistenceIdChecked;
        var persistence = _persistence;
        ReplyWhenDone(() => persistence.JournalBreaker.WithCircuitBreaker(token => persistence.Journal.DeleteMessagesToAsync(persistenceId, upTo, token)),
            () => new DeleteMessagesSuccess(toSequenceNr), e => new DeleteMessagesFailure(e, toSequenceNr));
    }

    private void ReplyWhenDone(Func<Task> work, Func<object> success, Func<Exception, object> failure)
    {
        var self = Self;
        Task.Run(work).ContinueWith(
            t => self.Tell(t.IsCompletedSuccessfully ? success() : failure(Unwrap(t)), self),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
