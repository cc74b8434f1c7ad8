using ActorTrader.Actors;
using ActorTrader.Persistence.Journal;

using ActorTrader.Persistence.Snapshots;

namespace ActorTrader.Persistence;

// Recovery: latest matching snapshot -> SnapshotOffer, then events after it in pages -> RecoveryCompleted.
// Any failure on the way (store, deserialization, a throwing handler, no progress within the timeout) stops the actor.
public abstract partial class Eventsourced
{
    private PermitState _permit;
    private Recovery _recovery = Recovery.Default;
    private long _recoveryStep;
    private ICancelable? _recoveryTimeout;
    private long _replayTarget;
    private long _replayRemaining;
    private long _highestSequenceNr;

    private enum PermitState
    {
        None,
        Requested,
        Held,
    }

    private void StartRecovery()
    {
        _state = State.Recovering;
        string persistenceId;
        try
        {
            persistenceId = PersistenceIdChecked;
            _recovery = Recovery ?? throw new InvalidOperationException($"{GetType().Name}.Recovery returned null. Fix: return Recovery.Default, Recovery.None or a Recovery(...).");
        }
        catch (InvalidOperationException e)
        {
            FailRecovery(e, null);
            return;
        }
        NextRecoveryStep();
        var recovery = _recovery;
        var persistence = _persistence;
        var instance = WriterId;
        RunOffActor(async () =>
        {
            // A write of an earlier incarnation may still be landing: number after it, never over it.
            await persistence.InFlightWrites.WhenSettled(persistenceId).ConfigureAwait(false);
            SnapshotRow? row = null;
            if (recovery.ToSequenceNr > 0 && recovery.FromSnapshot != SnapshotSelectionCriteria.None)
            {
                var criteria = recovery.FromSnapshot with { MaxSequenceNr = Math.Min(recovery.FromSnapshot.MaxSequenceNr, recovery.ToSequenceNr) };
                row = await persistence.SnapshotBreaker.WithCircuitBreaker(token => persistence.SnapshotStore.LoadAsync(persistenceId, criteria, token)).ConfigureAwait(false);
            }
            var snapshot = row is null ? null : persistence.Serializer.DeserializeSnapshot(row.Manifest, row.Payload, persistenceId, row.Metadata.SequenceNr);
            var highest = await persistence.JournalBreaker.WithCircuitBreaker(token => persistence.Journal.ReadHighestSequenceNrAsync(persistenceId, token)).ConfigureAwait(false);
            return new SnapshotLoaded(instance, row?.Metadata, snapshot, highest);
        }, instance);
    }

    private void OnSnapshotLoaded(SnapshotLoaded loaded)
    {
        NextRecoveryStep();
        _highestSequenceNr = Math.Max(loaded.HighestSequenceNr, loaded.Metadata?.SequenceNr ?? 0);
        if (loaded.Metadata is { } metadata && loaded.Snapshot is { } snapshot)
        {
            _lastSequenceNr = metadata.SequenceNr;
            if (!TryRecoverWith(new SnapshotOffer(metadata, snapshot), snapshot)) return;
        }
        _replayTarget = Math.Min(_recovery.ToSequenceNr, _highestSequenceNr);
        _replayRemaining = _recovery.ReplayMax;
        RequestReplayPage();
    }

    private void RequestReplayPage()
    {
        var from = _lastSequenceNr + 1;
        if (from > _replayTarget || _replayRemaining <= 0)
        {
            CompleteRecovery();
            return;
        }
        var max = Math.Min(_persistence.Settings.Recovery.ReplayBatchSize, _replayRemaining);
        var to = _replayTarget;
        var persistenceId = PersistenceIdChecked;
        var persistence = _persistence;
        var instance = WriterId;
        RunOffActor(async () =>
        {
            var rows = await persistence.JournalBreaker.WithCircuitBreaker(async token =>
            {
                var page = new List<PersistentRepr>();
                await foreach (var repr in persistence.Journal.ReplayAsync(persistenceId, from, to, max, token).ConfigureAwait(false)) page.Add(repr);
                return page;
            }).ConfigureAwait(false);
            // Deserialized off the actor's thread; a bad row fails the recovery, naming its sequence number and manifest.
            var events = rows.Select(r => new ReplayedEvent(r.SequenceNr, persistence.Serializer.Deserialize(r.Manifest, r.Payload, persistenceId, r.SequenceNr))).ToArray();
            return new ReplayedBatch(instance, events);
        }, instance);
    }

    private void OnReplayedBatch(ReplayedBatch batch)
    {
        NextRecoveryStep();
        foreach (var replayed in batch.Events)
        {
            if (replayed.SequenceNr <= _lastSequenceNr || replayed.SequenceNr > _replayTarget)
            {
                // Applying an event twice or out of order would corrupt the state: refuse the journal's answer.
                FailRecovery(new PersistenceStoreException(
                    $"The journal replayed event {replayed.SequenceNr} of persistence id \"{PersistenceIdChecked}\" after event {_lastSequenceNr} (expected ascending numbers up to {_replayTarget}). " +
                    "Fix: check the journal's replay query orders by sequence_nr and honours the from/to bounds."), replayed.Payload);
                return;
            }
            _lastSequenceNr = replayed.SequenceNr;
            if (!TryRecoverWith(replayed.Payload, replayed.Payload)) return;
        }
        _replayRemaining -= batch.Events.Count;
        if (batch.Events.Count == 0) CompleteRecovery();
        else RequestReplayPage();
    }

    private void CompleteRecovery()
    {
        CancelRecoveryTimeout();
        ReturnPermit();
        // Numbering continues after the highest stored event, however little was replayed (Akka: RecoverySuccess).
        _sequenceNr = _highestSequenceNr;
        _lastSequenceNr = _highestSequenceNr;
        _state = State.ProcessingCommands;
        if (!TryRecoverWith(RecoveryCompleted.Instance, null)) return;
        FlushBatch();
        if (_pendingStashingInvocations > 0) _state = State.PersistingEvents;
        else UnstashNext();
    }

    /// <summary>Applies one recovery message; a throwing handler fails the recovery (returns false, the actor is stopping).</summary>
    private bool TryRecoverWith(object message, object? @event)
    {
        try
        {
            var handled = ReceiveRecover(message);
            if (!handled && message is not (SnapshotOffer or RecoveryCompleted)) Unhandled(message);
            return true;
        }
        catch (Exception e)
        {
            DiscardUnflushed();
            FailRecovery(e, @event);
            return false;
        }
    }

    private void FailRecovery(Exception cause, object? @event)
    {
        if (_state == State.Stopped) return;
        CancelRecoveryTimeout();
        ReturnPermit();
        StopAfterFailure(PersistenceFailure.Recovery, cause, _lastSequenceNr);
        try
        {
            OnRecoveryFailure(cause, @event);
        }
        finally
        {
            Context.Stop(Self);
        }
    }

    private void NextRecoveryStep()
    {
        _recoveryStep++;
        _recoveryTimeout?.Cancel();
        _recoveryTimeout = Context.System.Scheduler.ScheduleTellOnceCancelable(
            _persistence.Settings.Recovery.Timeout, Self, new RecoveryTick(WriterId, _recoveryStep), ActorRefs.NoSender);
    }

    private void CancelRecoveryTimeout()
    {
        _recoveryTimeout?.Cancel();
        _recoveryTimeout = null;
    }

    private void ReturnPermit()
    {
        if (_permit == PermitState.None) return;
        _permit = PermitState.None;
        _persistence.RecoveryPermitter.Tell(new ReturnRecoveryPermit(), Self);
    }

    /// <summary>Runs store work on the thread pool and sends its result (or <see cref="RecoveryStepFailed"/>) back to this incarnation.</summary>
    private void RunOffActor(Func<Task<IPersistenceInternalMessage>> work, string instance)
    {
        var self = Self;
        Task.Run(work).ContinueWith(
            t => self.Tell(t.IsCompletedSuccessfully ? t.Result : new RecoveryStepFailed(instance, Unwrap(t)), ActorRefs.NoSender),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private static Exception Unwrap(Task task) =>
        task.IsCanceled ? new TaskCanceledException(task) : task.Exception!.GetBaseException();
}
