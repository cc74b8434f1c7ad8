using ActorTrader.Actors;
using ActorTrader.Persistence.Journal;

using ActorTrader.Persistence.Serialization;

namespace ActorTrader.Persistence;

// Writing: persist calls queue handlers and batch items; after each command the batch goes to the journal (one write at
// a time, in order); results come back as one message per event, sent with the persisting command's sender.
public abstract partial class Eventsourced
{
    private readonly LinkedList<PendingInvocation> _pendingInvocations = new();
    private readonly List<BatchItem> _eventBatch = [];
    private readonly List<BatchItem> _journalBatch = [];
    private int _pendingStashingInvocations;
    private bool _writeInProgress;

    /// <summary>
    /// Persists <paramref name="event"/>; <paramref name="handler"/> runs once it is durable. Until then, new commands are
    /// stashed and then handled in arrival order. A journal failure stops the actor; a rejection skips the handler.
    /// </summary>
    public void Persist<TEvent>(TEvent @event, Action<TEvent> handler) where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(handler);
        EnsureMayPersist();
        AddInvocation(handler, stashing: true);
        _eventBatch.Add(new AtomicWriteItem([@event], Sender));
    }

    /// <summary>Persists the events atomically (all or none); the handler runs for each, in order, once all are durable.</summary>
    public void PersistAll<TEvent>(IEnumerable<TEvent> events, Action<TEvent> handler) where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(handler);
        EnsureMayPersist();
        var list = events.Cast<object>().ToArray();
        if (list.Length == 0) return;
        foreach (var _ in list) AddInvocation(handler, stashing: true);
        _eventBatch.Add(new AtomicWriteItem(list, Sender));
    }

    /// <summary>Like <see cref="Persist{TEvent}"/> but commands keep flowing meanwhile; handlers still run in persist order.</summary>
    public void PersistAsync<TEvent>(TEvent @event, Action<TEvent> handler) where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(handler);
        EnsureMayPersist();
        AddInvocation(handler, stashing: false);
        _eventBatch.Add(new AtomicWriteItem([@event], Sender));
    }

    public void PersistAllAsync<TEvent>(IEnumerable<TEvent> events, Action<TEvent> handler) where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(handler);
        EnsureMayPersist();
        var list = events.Cast<object>().ToArray();
        if (list.Length == 0) return;
        foreach (var _ in list) AddInvocation(handler, stashing: false);
        _eventBatch.Add(new AtomicWriteItem(list, Sender));
    }

    /// <summary>Runs <paramref name="handler"/> after every persist handler queued before it (at once when none); stores nothing, does not stash commands.</summary>
    public void DeferAsync<TEvent>(TEvent evt, Action<TEvent> handler) where TEvent : notnull => Defer(evt, handler, stashing: false);

    /// <summary>Like <see cref="DeferAsync{TEvent}"/>, but commands are stashed until it has run (Akka.NET's <c>Defer</c>).</summary>
    public void Defer<TEvent>(TEvent evt, Action<TEvent> handler) where TEvent : notnull => Defer(evt, handler, stashing: true);

    private void Defer<TEvent>(TEvent evt, Action<TEvent> handler, bool stashing) where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(handler);
        EnsureMayPersist();
        if (_pendingInvocations.Count == 0)
        {
            handler(evt);
            return;
        }
        AddInvocation(handler, stashing);
        _eventBatch.Add(new DeferredItem(evt, Sender));
    }

    private void AddInvocation<TEvent>(Action<TEvent> handler, bool stashing)
    {
        _pendingInvocations.AddLast(new PendingInvocation(e => handler((TEvent)e), stashing));
        if (stashing) _pendingStashingInvocations++;
    }

    private void EnsureMayPersist()
    {
        if (IsRecovering)
            throw new InvalidOperationException($"{GetType().Name} tried to persist during recovery. Fix: persist in command handlers, or when receiving RecoveryCompleted or later.");
    }

    /// <summary>Forgets what a failed handler persisted but had not sent to the journal yet: a command that throws stores nothing.</summary>
    private void DiscardUnflushed()
    {
        var count = _eventBatch.Sum(item => item.InvocationCount);
        for (var i = 0; i < count && _pendingInvocations.Last is { } last; i++)
        {
            if (last.Value.Stashing) _pendingStashingInvocations--;
            _pendingInvocations.RemoveLast();
        }
        _eventBatch.Clear();
    }

    private void FlushBatch()
    {
        if (_eventBatch.Count > 0)
        {
            _journalBatch.AddRange(_eventBatch);
            _eventBatch.Clear();
        }
        FlushJournalBatch();
    }

    /// <summary>Serializes and writes everything batched so far, unless a write is in flight (then after it, keeping order).</summary>
    private void FlushJournalBatch()
    {
        if (_writeInProgress || _journalBatch.Count == 0 || _state == State.Stopped) return;
        var items = _journalBatch.ToArray();
        _journalBatch.Clear();
        _writeInProgress = true;

        var persistenceId = PersistenceIdChecked;
        var now = Context.System.Scheduler.Now;
        var serializer = _persistence.Serializer;
        var rows = new List<PersistentRepr>();
        var outcomes = new List<Func<Exception?, IPersistenceInternalMessage>>();
        var senders = new List<IActorRef>();
        var instance = WriterId;
        foreach (var item in items)
        {
            switch (item)
            {
                case DeferredItem deferred:
                    outcomes.Add(_ => new LoopMessageSuccess(instance, deferred.Payload));
                    senders.Add(deferred.Sender);
                    break;
                case AtomicWriteItem write:
                    var first = _sequenceNr + 1;
                    List<PersistentRepr> written;
                    try
                    {
                        written = write.Events.Select((e, i) => ToRepr(serializer, e, persistenceId, first + i, now)).ToList();
                    }
                    catch (PersistenceSerializationException e)
                    {
                        // Rejected before writing: the whole atomic write is refused and uses no sequence numbers.
                        foreach (var evt in write.Events)
                        {
                            outcomes.Add(_ => new WriteMessageRejected(instance, evt, first, e));
                            senders.Add(write.Sender);
                        }
                        break;
                    }
                    for (var i = 0; i < written.Count; i++)
                    {
                        var evt = write.Events[i];
                        var sequenceNr = written[i].SequenceNr;
                        outcomes.Add(error => error is null
                            ? new WriteMessageSuccess(instance, evt, sequenceNr)
                            : new WriteMessageFailure(instance, evt, sequenceNr, error));
                        senders.Add(write.Sender);
                    }
                    rows.AddRange(written);
                    _sequenceNr += written.Count;
                    break;
            }
        }

        var self = Self;
        void Deliver(Exception? error)
        {
            for (var i = 0; i < outcomes.Count; i++) self.Tell(outcomes[i](error), senders[i]);
            self.Tell(new WriteMessagesCompleted(instance), ActorRefs.NoSender);
        }

        if (rows.Count == 0)
        {
            Deliver(null);
            return;
        }
        var persistence = _persistence;
        var journalWrite = Task.Run(() => persistence.WriteAsync(persistenceId, rows));
        // Tracked on this turn, not when the pool gets to it: a successor started right after this incarnation stops
        // (PoisonPill, a parent restarting it) must wait for this write even if it has not reached the journal yet.
        persistence.InFlightWrites.Track(persistenceId, journalWrite);
        journalWrite.ContinueWith(
            t => Deliver(t.IsCompletedSuccessfully ? null : Unwrap(t)),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private PersistentRepr ToRepr(EventSerializer serializer, object evt, string persistenceId, long sequenceNr, DateTimeOffset now)
    {
        var (payload, tags) = evt is Tagged tagged ? (tagged.Payload, tagged.Tags) : (evt, (IReadOnlyList<string>)[]);
        var serialized = serializer.Serialize(payload, persistenceId, sequenceNr);
        return new PersistentRepr(persistenceId, sequenceNr, serialized.Manifest, serialized.Bytes, now, tags.ToArray(), WriterId);
    }

    private void OnWriteMessageSuccess(WriteMessageSuccess success)
    {
        _lastSequenceNr = success.SequenceNr;
        RunPendingHandler(success.Event);
    }

    private void OnLoopMessageSuccess(LoopMessageSuccess loop) => RunPendingHandler(loop.Payload);

    private void RunPendingHandler(object payload)
    {
        var invocation = _pendingInvocations.First!.Value;
        try
        {
            invocation.Handler(payload);
        }
        catch
        {
            DiscardUnflushed();
            OnWriteMessageComplete();
            throw;
        }
        FlushBatch(); // what the handler persisted goes out now
        OnWriteMessageComplete();
    }

    private void OnWriteMessageRejected(WriteMessageRejected rejected)
    {
        _persistence.Alert(PersistenceIdChecked, PersistenceFailure.PersistRejected, rejected.Cause, rejected.SequenceNr, Self);
        try
        {
            OnPersistRejected(rejected.Cause, rejected.Event, rejected.SequenceNr);
        }
        finally
        {
            OnWriteMessageComplete();
        }
    }

    private void OnWriteMessageFailure(WriteMessageFailure failure)
    {
        StopAfterFailure(PersistenceFailure.Persist, failure.Cause, failure.SequenceNr);
        try
        {
            OnPersistFailure(failure.Cause, failure.Event, failure.SequenceNr);
        }
        finally
        {
            Context.Stop(Self);
        }
    }

    /// <summary>One pending handler is done: when no stashing persist is left, held-back commands flow again.</summary>
    private void OnWriteMessageComplete()
    {
        var done = _pendingInvocations.First!.Value;
        _pendingInvocations.RemoveFirst();
        if (done.Stashing) _pendingStashingInvocations--;
        if (_state == State.Stopped) return;
        _state = _pendingStashingInvocations > 0 ? State.PersistingEvents : State.ProcessingCommands;
        UnstashNext();
    }
}
