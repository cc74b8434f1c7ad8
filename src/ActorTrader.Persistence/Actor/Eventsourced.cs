using ActorTrader.Actors;

using ActorTrader.Persistence.Snapshots;

namespace ActorTrader.Persistence;

/// <summary>
/// The event-sourcing core of persistent actors (Akka's <c>Eventsourced</c>). An incarnation first waits for a recovery
/// permit, recovers (snapshot, then events), then processes commands; while a <c>Persist</c> is in flight, commands are
/// stashed and handled afterwards in arrival order. Journal calls run off the actor's thread and their results come
/// back as messages, so every handler runs on the actor's turn. A failed recovery or write stops the actor and raises
/// a <see cref="PersistenceAlert"/>: it never carries on with state it cannot vouch for.
/// </summary>
/// <remarks>
/// Override <see cref="ActorBase.PostStop"/> or <see cref="ActorBase.PreRestart"/> only with a call to the base method:
/// it hands back the recovery permit and the stashed commands. Use this class's <see cref="Become(Receive)"/> (not
/// <c>Context.Become</c>) to change the command behaviour.
/// </remarks>
public abstract partial class Eventsourced : ActorBase
{
    private readonly Persistence _persistence;
    private readonly ILoggingAdapter _log;
    private readonly Stack<Receive> _commandBehaviors = new();
    private readonly PersistentStash _userStash;
    private State _state = State.WaitingForPermit;
    private string? _persistenceId;
    private long _lastSequenceNr;
    private long _sequenceNr;

    protected Eventsourced()
    {
        _persistence = Persistence.Get(Context.System);
        _log = Context.GetLogger();
        _userStash = new PersistentStash(this);
        Stash = _userStash;
        // Recovery starts when the permit arrives, after the derived constructor has run (PersistenceId may depend on it).
        _persistence.RecoveryPermitter.Tell(new RequestRecoveryPermit(WriterId), Self);
        _permit = PermitState.Requested;
    }

    private enum State
    {
        WaitingForPermit,
        Recovering,
        ProcessingCommands,
        PersistingEvents,
        Stopped,
    }

    /// <summary>The id of this actor's event stream; stable across restarts and nodes. Exactly one live actor may use it.</summary>
    public abstract string PersistenceId { get; }

    /// <summary>A fresh id per incarnation, stored with every event it writes (<c>PersistentRepr.WriterId</c>).</summary>
    public string WriterId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>How this actor recovers; override for a partial recovery or none.</summary>
    public virtual Recovery Recovery => Recovery.Default;

    /// <summary>The sequence number of the last event applied (replayed or persisted), or of the snapshot recovered from.</summary>
    public long LastSequenceNr => _lastSequenceNr;

    /// <summary>The sequence number a snapshot taken now describes (Akka's <c>SnapshotSequenceNr</c>).</summary>
    public long SnapshotSequenceNr => _lastSequenceNr;

    public bool IsRecovering => _state is State.WaitingForPermit or State.Recovering;

    public bool IsRecoveryFinished => !IsRecovering;

    /// <summary>This actor's own stash (separate from the one that holds commands during persist). <c>UnstashAll</c> puts messages before the held-back commands.</summary>
    public IStash Stash { get; }

    protected ILoggingAdapter Log => _log;

    protected Persistence Persistence => _persistence;

    /// <summary>The behaviour for events and snapshots during recovery, and for <see cref="RecoveryCompleted"/>.</summary>
    protected abstract bool ReceiveRecover(object message);

    /// <summary>The behaviour for commands once recovered.</summary>
    protected abstract bool ReceiveCommand(object message);

    /// <summary>Called when recovery fails (before the actor stops; the failure is already logged and alerted). <paramref name="event"/> is the event being applied, if any.</summary>
    protected virtual void OnRecoveryFailure(Exception reason, object? @event) { }

    /// <summary>Called when the journal failed to store <paramref name="event"/> (before the actor stops; already logged and alerted).</summary>
    protected virtual void OnPersistFailure(Exception cause, object @event, long sequenceNr) { }

    /// <summary>Called when <paramref name="event"/> was refused before writing, e.g. an unregistered type. The actor continues; its handler does not run.</summary>
    protected virtual void OnPersistRejected(Exception cause, object @event, long sequenceNr) { }

    /// <summary>Replaces the command behaviour (recovery handlers are unaffected).</summary>
    protected new void Become(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        if (_commandBehaviors.Count > 0) _commandBehaviors.Pop();
        _commandBehaviors.Push(receive);
    }

    protected new void BecomeStacked(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        _commandBehaviors.Push(receive);
    }

    protected new void UnbecomeStacked()
    {
        if (_commandBehaviors.Count > 0) _commandBehaviors.Pop();
    }

    /// <summary>True once the actor handled its first message: handlers may no longer be declared outside <c>Become</c>.</summary>
    private protected bool HasStarted { get; private set; }

    /// <summary>Messages a subclass handles before the persistence state machine (never stashed), e.g. redelivery ticks.</summary>
    private protected virtual bool InterceptMessage(object message) => false;

    protected sealed override bool Receive(object message)
    {
        if (!HasStarted)
        {
            HasStarted = true;
            TakeHandedOverStash();
        }
        switch (message)
        {
            case IPersistenceInternalMessage internalMessage:
                if (internalMessage.Instance == WriterId && _state != State.Stopped) HandleInternal(internalMessage);
                return true;
            case Unstashed unstashed when unstashed.Instance == WriterId && _unstashInFlight:
                _unstashInFlight = false;
                _inFlightUnstash = null;
                OnCommand(unstashed.Message, returning: true);
                return true;
            case Unstashed handedOver when _retiredInstances.Contains(handedOver.Instance):
                return true; // an earlier incarnation handed this command over with its stash: it is already held here
            case Unstashed fromEarlierIncarnation:
                OnCommand(fromEarlierIncarnation.Message, returning: false);
                return true;
            default:
                if (!InterceptMessage(message)) OnCommand(message, returning: false);
                return true;
        }
    }

    private void HandleInternal(IPersistenceInternalMessage message)
    {
        switch (message)
        {
            case RecoveryPermitGranted when _state == State.WaitingForPermit:
                _permit = PermitState.Held;
                StartRecovery();
                break;
            case SnapshotLoaded loaded when _state == State.Recovering:
                OnSnapshotLoaded(loaded);
                break;
            case ReplayedBatch batch when _state == State.Recovering:
                OnReplayedBatch(batch);
                break;
            case RecoveryStepFailed failed when _state == State.Recovering:
                FailRecovery(failed.Cause, null);
                break;
            case RecoveryTick tick when _state == State.Recovering && tick.Step == _recoveryStep:
                FailRecovery(new RecoveryTimedOutException(
                    $"Recovery of persistence id \"{PersistenceIdChecked}\" made no progress for {_persistence.Settings.Recovery.Timeout.TotalSeconds:0.###} s (last sequence nr applied: {_lastSequenceNr}). " +
                    "Fix: check that the journal is reachable and not overloaded, or raise actortrader.persistence.recovery.timeout."), null);
                break;
            case WriteMessageSuccess success:
                OnWriteMessageSuccess(success);
                break;
            case WriteMessageRejected rejected:
                OnWriteMessageRejected(rejected);
                break;
            case WriteMessageFailure failure:
                OnWriteMessageFailure(failure);
                break;
            case LoopMessageSuccess loop:
                OnLoopMessageSuccess(loop);
                break;
            case WriteMessagesCompleted:
                _writeInProgress = false;
                FlushJournalBatch();
                break;
        }
    }

    /// <summary>A command: handled now when nothing is held back and no persist is in flight, else stashed in arrival order.</summary>
    private void OnCommand(object message, bool returning)
    {
        var canRunNow = _state == State.ProcessingCommands && (returning || (_internalStash.Count == 0 && !_unstashInFlight));
        if (canRunNow)
        {
            ProcessCommand(message);
            return;
        }
        var stashed = new StashedMessage(message, Sender);
        // The returning command was first in line; everything else queues behind what is already held back.
        if (returning) _internalStash.AddFirst(stashed);
        else _internalStash.AddLast(stashed);
    }

    private void ProcessCommand(object message)
    {
        _currentCommand = new StashedMessage(message, Sender);
        _currentCommandStashed = false;
        _asyncCommandStarted = false;
        try
        {
            var handled = _commandBehaviors.Count > 0 ? _commandBehaviors.Peek()(message) : ReceiveCommand(message);
            if (!handled) Unhandled(message);
        }
        catch
        {
            DiscardUnflushed();
            throw;
        }
        finally
        {
            _currentCommand = null;
        }
        // An async command writes what it persisted when its task completes (RunAsyncCommand), not at its first await.
        if (!_asyncCommandStarted) AroundReceiveComplete();
    }

    /// <summary>After a command (or an async command's task): write what it persisted, and hold back commands while a stashing persist is pending.</summary>
    private void AroundReceiveComplete()
    {
        FlushBatch();
        if (_pendingStashingInvocations > 0) _state = State.PersistingEvents;
        else UnstashNext();
    }

    /// <summary>Runs an async command handler: the mailbox waits for it (Akka's <c>RunTask</c>), then what it persisted is written.</summary>
    internal void RunAsyncCommand(Func<Task> handler)
    {
        _asyncCommandStarted = true;
        RunTask(async () =>
        {
            try
            {
                await handler().ConfigureAwait(true); // continue on the actor's turn
            }
            catch
            {
                DiscardUnflushed();
                throw;
            }
            AroundReceiveComplete();
        });
    }

    private string PersistenceIdChecked => _persistenceId ??= PersistenceId is { Length: > 0 } id
        ? id
        : throw new InvalidOperationException($"{GetType().Name}.PersistenceId is empty. Fix: return a stable, non-empty id such as \"orders-<account>\".");

    protected override void PreRestart(Exception reason, object? message)
    {
        // Akka puts held-back commands back at the FRONT of the mailbox for the next incarnation. Telling them to Self
        // would queue them behind commands that arrived later, so they are handed over: user stash first, then the
        // command on its way back through the mailbox, then the internal stash (see StashHandover).
        var held = _userStash.TakeAll().ToList();
        if (_unstashInFlight && _inFlightUnstash is { } returning) held.Add(returning);
        held.AddRange(_internalStash);
        _internalStash.Clear();
        _unstashInFlight = false;
        _inFlightUnstash = null;
        _persistence.StashHandover.HandOver(Self, held, [.. _retiredInstances, WriterId]);
        // base.PreRestart calls PostStop, which must leave the hand-over for the successor.
        _restarting = true;
        try
        {
            base.PreRestart(reason, message);
        }
        finally
        {
            _restarting = false;
        }
    }

    protected override void PostStop()
    {
        ReturnPermit();
        CancelRecoveryTimeout();
        _state = State.Stopped;
        foreach (var stashed in Stash.ClearStash()) Context.System.DeadLetters.Tell(stashed.Message, stashed.Sender);
        foreach (var stashed in _internalStash) Context.System.DeadLetters.Tell(stashed.Message, stashed.Sender);
        _internalStash.Clear();
        // Stopped for good (not restarting): commands handed over by an earlier incarnation and never taken are dead letters too.
        if (!_restarting && _persistence.StashHandover.TryTake(Self) is { } untaken)
        {
            foreach (var stashed in untaken.Messages) Context.System.DeadLetters.Tell(stashed.Message, stashed.Sender);
        }
        base.PostStop();
    }

    /// <summary>Stops this incarnation after a failure it must not continue from, raising the alert first.</summary>
    private void StopAfterFailure(PersistenceFailure failure, Exception cause, long sequenceNr)
    {
        _state = State.Stopped;
        _persistence.Alert(_persistenceId ?? GetType().Name, failure, cause, sequenceNr, Self);
    }

    private SnapshotMetadata NewSnapshotMetadata() => new(PersistenceIdChecked, SnapshotSequenceNr, Context.System.Scheduler.Now);
}
