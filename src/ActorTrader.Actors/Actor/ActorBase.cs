namespace ActorTrader.Actors;

/// <summary>
/// The base of all actors. An instance is created by the runtime from <see cref="Props"/>, owns its
/// state exclusively (never shared with other threads) and handles one message at a time.
/// </summary>
public abstract class ActorBase
{
    private readonly ActorCell _cell;
    private SupervisorStrategy? _supervisorStrategy;

    protected ActorBase()
    {
        _cell = ActorCell.Current ?? throw new ActorInitializationException(
            $"{GetType().Name} was created with 'new'. Fix: create actors with ActorOf(Props.Create(...)).");
        _cell.AttachActorBeingCreated(this);
    }

    /// <summary>The context of the actor currently processing a message on this thread.</summary>
    protected static IActorContext Context => ActorCell.Current
        ?? throw new InvalidOperationException("There is no active actor context: Context is only valid inside an actor's constructor, lifecycle hooks and handlers.");

    protected IActorRef Self => _cell.Self;

    protected IActorRef Sender => _cell.Sender;

    internal ActorCell Cell => _cell;

    /// <summary>Handles a message; return false for messages this actor does not handle.</summary>
    protected abstract bool Receive(object message);

    internal bool ReceiveInternal(object message) => Receive(message);

    /// <summary>Called by the runtime once the constructor has run.</summary>
    internal virtual void OnConstructed() { }

    protected virtual void PreStart() { }

    internal void PreStartInternal() => PreStart();

    protected virtual void PostStop() { }

    internal void PostStopInternal() => PostStop();

    /// <summary>Called on the failed instance before a restart; by default stops all children and calls <see cref="PostStop"/>.</summary>
    internal void PreRestartInternal(Exception reason, object? message) => PreRestart(reason, message);

    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in Context.Children) Context.Stop(child);
        PostStop();
    }

    /// <summary>Called on the fresh instance after a restart; by default calls <see cref="PreStart"/>.</summary>
    protected virtual void PostRestart(Exception reason) => PreStart();

    internal void PostRestartInternal(Exception reason) => PostRestart(reason);

    /// <summary>The strategy this actor applies to its failing children (default: one-for-one restart).</summary>
    protected virtual SupervisorStrategy SupervisorStrategy() => _cell.Props.SupervisorStrategy ?? Actors.SupervisorStrategy.DefaultStrategy;

    internal SupervisorStrategy SupervisorStrategyInternal => _supervisorStrategy ??= SupervisorStrategy();

    /// <summary>Called for messages no behaviour handled: an unwatched <see cref="Terminated"/> fails the actor, others go to the event stream.</summary>
    protected virtual void Unhandled(object message)
    {
        if (message is Terminated terminated) throw new DeathPactException(terminated.ActorRef);
        _cell.System.EventStream.Publish(new UnhandledMessage(message, _cell.Sender, _cell.Self));
    }

    internal void UnhandledInternal(object message) => Unhandled(message);

    protected void Become(Receive receive) => _cell.Become(receive);

    protected void BecomeStacked(Receive receive) => _cell.BecomeStacked(receive);

    protected void UnbecomeStacked() => _cell.UnbecomeStacked();

    protected void SetReceiveTimeout(TimeSpan? timeout) => _cell.SetReceiveTimeout(timeout);

    /// <summary>Runs async work inside the actor: no other message is processed until the task completes.</summary>
    protected void RunTask(Func<Task> action) => _cell.RunTask(action);
}
