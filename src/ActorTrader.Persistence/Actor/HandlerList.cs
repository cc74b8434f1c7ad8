namespace ActorTrader.Persistence;

/// <summary>Typed handlers tried in declaration order; the first that matches handles the message.</summary>
internal sealed class HandlerList
{
    private readonly List<Func<object, bool>> _handlers = [];

    public void Add<T>(Action<T> handler, Predicate<T>? shouldHandle)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _handlers.Add(message =>
        {
            if (message is not T typed || (shouldHandle is not null && !shouldHandle(typed))) return false;
            handler(typed);
            return true;
        });
    }

    /// <summary>A handler that decides itself: returning false passes the message on.</summary>
    public void Add<T>(Func<T, bool> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _handlers.Add(message => message is T typed && handler(typed));
    }

    public bool Dispatch(object message)
    {
        foreach (var handler in _handlers)
        {
            if (handler(message)) return true;
        }
        return false;
    }
}
