namespace ActorTrader.Actors;

/// <summary>
/// An actor whose behaviour is a list of typed handlers declared in its constructor
/// (<c>Receive&lt;T&gt;</c>), tried in order; the first that matches handles the message.
/// </summary>
public abstract class ReceiveActor : ActorBase
{
    private readonly List<Handler> _handlers = [];
    private List<Handler>? _building;

    protected ReceiveActor()
    {
        _building = _handlers;
    }

    protected sealed override bool Receive(object message) => Dispatch(_handlers, message);

    // Handlers are declared in the constructor only; afterwards the list is fixed.
    internal override void OnConstructed() => _building = null;

    private static bool Dispatch(List<Handler> handlers, object message)
    {
        foreach (var handler in handlers)
        {
            if (handler.TryHandle(message)) return true;
        }
        return false;
    }

    protected void Receive<T>(Action<T> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(new TypedHandler<T>(handler, shouldHandle));
    }

    /// <summary>A handler that decides itself: returning false passes the message to the next handler.</summary>
    protected void Receive<T>(Func<T, bool> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(new DecidingHandler<T>(handler));
    }

    /// <summary>An async handler: the actor takes no other message until the returned task completes.</summary>
    protected void ReceiveAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(new TypedHandler<T>(m => RunTask(() => handler(m)), shouldHandle));
    }

    protected void ReceiveAny(Action<object> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(new TypedHandler<object>(handler, null));
    }

    protected void ReceiveAnyAsync(Func<object, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(new TypedHandler<object>(m => RunTask(() => handler(m)), null));
    }

    /// <summary>Replaces the behaviour with the handlers that <paramref name="configure"/> declares.</summary>
    protected void Become(Action configure)
    {
        Become(Build(configure));
    }

    /// <summary>Pushes the handlers that <paramref name="configure"/> declares; <c>UnbecomeStacked</c> returns to the previous ones.</summary>
    protected void BecomeStacked(Action configure)
    {
        BecomeStacked(Build(configure));
    }

    private Receive Build(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var handlers = new List<Handler>();
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
        return message => Dispatch(handlers, message);
    }

    private void Add(Handler handler)
    {
        var target = _building ?? throw new InvalidOperationException(
            $"{GetType().Name}: Receive<T> may only be called in the constructor or inside Become(() => ...). Fix: declare handlers there.");
        target.Add(handler);
    }

    private abstract class Handler
    {
        public abstract bool TryHandle(object message);
    }

    private sealed class TypedHandler<T>(Action<T> handler, Predicate<T>? shouldHandle) : Handler
    {
        public override bool TryHandle(object message)
        {
            if (message is not T typed || (shouldHandle is not null && !shouldHandle(typed))) return false;
            handler(typed);
            return true;
        }
    }

    private sealed class DecidingHandler<T>(Func<T, bool> handler) : Handler
    {
        public override bool TryHandle(object message) => message is T typed && handler(typed);
    }
}
