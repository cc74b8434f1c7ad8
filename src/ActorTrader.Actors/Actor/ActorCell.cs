using ActorTrader.Actors.Dispatch;

namespace ActorTrader.Actors;

/// <summary>
/// The runtime state of one actor: its instance, mailbox, behaviour stack, children and watchers.
/// Everything here except the children map is touched only from the actor's own mailbox turn.
/// Split into partial files by concern (children, death watch, fault handling, receive timeout, async).
/// </summary>
internal sealed partial class ActorCell : IActorContext
{
    [ThreadStatic] private static ActorCell? _current;

    private readonly IInternalActorRef _parent;
    private ActorBase? _actor;
    private Envelope? _currentEnvelope;
    private Stack<Receive>? _behaviorStack;
    private ActorStash? _stash;
    private TimerScheduler? _timers;
    private CellState _state;

    public ActorCell(ActorSystem system, ActorPath path, Props props, MessageDispatcher dispatcher, MailboxType mailboxType, IInternalActorRef parent)
    {
        System = system;
        Path = path;
        Props = props;
        _parent = parent;
        Mailbox = new Mailbox(mailboxType.CreateQueue(), dispatcher);
        Mailbox.SetActor(this);
        Self = new LocalActorRef(this);
    }

    [Flags]
    private enum CellState
    {
        Normal = 0,
        Failed = 1,
        Terminating = 2,
        Terminated = 4,
    }

    /// <summary>The cell whose mailbox turn runs on this thread, if any.</summary>
    public static ActorCell? Current
    {
        get => _current;
        set => _current = value;
    }

    public ActorSystem System { get; }

    public ActorPath Path { get; }

    public Props Props { get; }

    public Mailbox Mailbox { get; }

    public LocalActorRef Self { get; }

    IActorRef IActorContext.Self => Self;

    public IInternalActorRef Parent => _parent;

    IActorRef IActorContext.Parent => _parent;

    public IActorRef Sender => _currentEnvelope?.Sender ?? System.DeadLetters;

    public Envelope? CurrentEnvelope => _currentEnvelope;

    /// <summary>Counts user messages processed; tells one delivery from the next (used by the stash).</summary>
    public long MessageTurn { get; private set; }

    public ActorBase? Actor => _actor;

    public bool IsTerminated => (_state & CellState.Terminated) != 0;

    private bool IsTerminating => (_state & CellState.Terminating) != 0;

    private bool IsFailed => (_state & CellState.Failed) != 0;

    /// <summary>Queues Create (first in line, not yet scheduled) and registers with the dispatcher.</summary>
    public void Prepare()
    {
        Mailbox.EnqueueSystemMessage(new Create());
        Mailbox.Dispatcher.Attach(Mailbox, Path);
    }

    /// <summary>Undoes <see cref="Prepare"/> for a cell that was never published (its name was refused).</summary>
    public void Abandon() => Mailbox.Dispatcher.Detach(Mailbox);

    /// <summary>Schedules the first turn, which creates the actor.</summary>
    public void Start() => Mailbox.RegisterForExecution(hasMessageHint: false, hasSystemMessageHint: true);

    // ---- creating the instance ---------------------------------------------------------------

    /// <summary>Called from the <see cref="ActorBase"/> constructor so stash and timers exist before the derived constructor runs.</summary>
    public void AttachActorBeingCreated(ActorBase actor)
    {
        if (actor is IWithStash withStash) withStash.Stash = _stash ??= new ActorStash(this);
        if (actor is IWithTimers withTimers) withTimers.Timers = _timers ??= new TimerScheduler(this);
    }

    private ActorBase NewActor()
    {
        _behaviorStack = null;
        _currentEnvelope = null;
        var previous = _current;
        _current = this;
        try
        {
            var actor = Props.NewActor();
            actor.OnConstructed();
            return actor;
        }
        finally
        {
            _current = previous;
        }
    }

    private void Create()
    {
        try
        {
            _actor = NewActor();
            _actor.PreStartInternal();
        }
        catch (Exception e)
        {
            _actor = null;
            HandleInvokeFailure(new ActorInitializationException(Self, $"Exception during creation of {Path}: {e.GetType().Name}: {e.Message}", e));
        }
    }

    // ---- user messages -----------------------------------------------------------------------

    /// <summary>Processes one user message: runtime messages first, then the current behaviour.</summary>
    public void Invoke(Envelope envelope)
    {
        var message = envelope.Message;
        _currentEnvelope = envelope;
        MessageTurn++;
        try
        {
            if (message is IAutoReceivedMessage) AutoReceiveMessage(envelope);
            else ReceiveMessage(message);
            if (_receiveTimeout is not null && message is not (INotInfluenceReceiveTimeout or TimerTick { NotInfluenceReceiveTimeout: true }))
                RescheduleReceiveTimeout();
            _currentEnvelope = null;
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e);
        }
    }

    private void ReceiveMessage(object message)
    {
        var actor = _actor;
        if (actor is null)
        {
            System.DeadLetterRef.Publish(message, _currentEnvelope?.Sender, Self); // no instance: never drop silently
            return;
        }
        var handled = _behaviorStack is { Count: > 0 } stack ? stack.Peek()(message) : actor.ReceiveInternal(message);
        if (!handled) actor.UnhandledInternal(message);
    }

    private void AutoReceiveMessage(Envelope envelope)
    {
        switch (envelope.Message)
        {
            case Terminated terminated:
                ReceivedTerminated(terminated);
                break;
            case PoisonPill:
                Self.Stop();
                break;
            case Kill:
                throw new ActorKilledException("Kill");
            case Identify identify:
                envelope.Sender?.Tell(new ActorIdentity(identify.MessageId, Self), Self);
                break;
            case TimerTick tick:
                var timerMessage = _timers?.Intercept(tick);
                if (timerMessage is null) break;
                _currentEnvelope = new Envelope(timerMessage, Self);
                if (timerMessage is IAutoReceivedMessage) AutoReceiveMessage(_currentEnvelope.Value);
                else ReceiveMessage(timerMessage);
                break;
            case ReceiveTimeoutTick tick:
                if (tick.Generation == _receiveTimeoutGeneration && _receiveTimeout is not null)
                {
                    _currentEnvelope = new Envelope(Actors.ReceiveTimeout.Instance, null);
                    ReceiveMessage(Actors.ReceiveTimeout.Instance);
                    RescheduleReceiveTimeout();
                }
                break;
            default:
                ReceiveMessage(envelope.Message);
                break;
        }
    }

    // ---- behaviour stack ---------------------------------------------------------------------

    public void Become(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        _behaviorStack ??= new Stack<Receive>();
        if (_behaviorStack.Count > 0) _behaviorStack.Pop();
        _behaviorStack.Push(receive);
    }

    public void BecomeStacked(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        _behaviorStack ??= new Stack<Receive>();
        _behaviorStack.Push(receive);
    }

    /// <summary>Returns to the previous behaviour; the actor's own Receive is never popped.</summary>
    public void UnbecomeStacked()
    {
        if (_behaviorStack is { Count: > 0 }) _behaviorStack.Pop();
    }

    // ---- system messages ---------------------------------------------------------------------

    public void SystemInvoke(SystemMessage message)
    {
        try
        {
            if (IsTerminated) return;
            if (ShouldDeferWhileWaitingForChildren(message))
            {
                (_deferredSystemMessages ??= []).Add(message);
                return;
            }
            switch (message)
            {
                case Dispatch.Create: Create(); break;
                case Recreate recreate: FaultRecreate(recreate.Cause); break;
                case Suspend: FaultSuspend(); break;
                case Resume resume: FaultResume(resume.CausedByFailure); break;
                case Dispatch.Terminate: Terminate(); break;
                case Watch watch: AddWatcher(watch.Watchee, watch.Watcher); break;
                case Unwatch unwatch: RemoveWatcher(unwatch.Watchee, unwatch.Watcher); break;
                case DeathWatchNotification notification: WatchedActorTerminated(notification.Actor, notification.ExistenceConfirmed); break;
                case Failed failed: HandleFailed(failed); break;
                case AsyncHandlerCompleted completed: AsyncHandlerFinished(completed); break;
                case RunContinuation continuation: continuation.Run(this); break;
            }
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e);
        }
    }

    /// <summary>A system message that reached a stopped actor: answer watchers so none waits forever.</summary>
    public void SystemMessageAfterTermination(SystemMessage message)
    {
        if (message is Watch watch && !ReferenceEquals(watch.Watcher, Self) && watch.Watchee.Equals(Self))
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(Self, existenceConfirmed: false));
    }

    // ---- context -----------------------------------------------------------------------------

    public ActorSelection ActorSelection(string path) => ActorSelectionPath.Create(System, Self, path);
}
