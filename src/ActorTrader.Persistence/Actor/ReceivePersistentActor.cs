using ActorTrader.Actors;

namespace ActorTrader.Persistence;

/// <summary>
/// A persistent actor whose recovery and command behaviours are typed handlers declared in the constructor
/// (Akka.NET's <c>ReceivePersistentActor</c>): <c>Recover&lt;T&gt;</c> for events, <see cref="SnapshotOffer"/> and
/// <see cref="RecoveryCompleted"/>; <c>Command&lt;T&gt;</c> for commands, where <c>Persist</c> records what happened.
/// </summary>
public abstract class ReceivePersistentActor : Eventsourced
{
    private readonly HandlerList _recoverHandlers = new();
    private readonly HandlerList _commandHandlers = new();
    private HandlerList? _building;

    protected sealed override bool ReceiveRecover(object message) => _recoverHandlers.Dispatch(message);

    protected sealed override bool ReceiveCommand(object message) => _commandHandlers.Dispatch(message);

    protected void Recover<T>(Action<T> handler, Predicate<T>? shouldHandle = null) => Declaring(_recoverHandlers, "Recover<T>").Add(handler, shouldHandle);

    protected void Recover<T>(Func<T, bool> handler) => Declaring(_recoverHandlers, "Recover<T>").Add(handler);

    protected void RecoverAny(Action<object> handler) => Declaring(_recoverHandlers, "RecoverAny").Add(handler, null);

    protected void Command<T>(Action<T> handler, Predicate<T>? shouldHandle = null) => CommandTarget().Add(handler, shouldHandle);

    /// <summary>A command handler that decides itself: returning false passes the command to the next handler.</summary>
    protected void Command<T>(Func<T, bool> handler) => CommandTarget().Add(handler);

    protected void CommandAny(Action<object> handler) => CommandTarget().Add(handler, null);

    /// <summary>An async command handler: no other message is processed until its task completes; what it persisted is written then.</summary>
    protected void CommandAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        CommandTarget().Add<T>(m => RunAsyncCommand(() => handler(m)), shouldHandle);
    }

    protected void CommandAnyAsync(Func<object, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        CommandTarget().Add<object>(m => RunAsyncCommand(() => handler(m)), null);
    }

    /// <summary>Replaces the command handlers with those <paramref name="configure"/> declares.</summary>
    protected void Become(Action configure) => Become(Build(configure));

    /// <summary>Pushes the command handlers <paramref name="configure"/> declares; <c>UnbecomeStacked</c> returns to the previous ones.</summary>
    protected void BecomeStacked(Action configure) => BecomeStacked(Build(configure));

    private Receive Build(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var handlers = new HandlerList();
        var previous = _building;
        _building = handlers;
        try
        {
            configure();
        }
        finally
        {
            _building = previous;
        }
        return handlers.Dispatch;
    }

    private HandlerList CommandTarget() => _building ?? Declaring(_commandHandlers, "Command<T>");

    private HandlerList Declaring(HandlerList target, string what) =>
        HasStarted
            ? throw new InvalidOperationException($"{GetType().Name}: {what} may only be called in the constructor (or, for commands, inside Become(() => ...)). Fix: declare handlers there.")
            : target;
}
