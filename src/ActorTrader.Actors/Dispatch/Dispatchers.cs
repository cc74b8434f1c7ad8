using System.Collections.Concurrent;

namespace ActorTrader.Actors.Dispatch;

/// <summary>The system's dispatchers by id, used by <see cref="Props.WithDispatcher(string)"/>.</summary>
public sealed class Dispatchers
{
    public const string DefaultDispatcherId = "akka.actor.default-dispatcher";
    public const string PinnedDispatcherId = "akka.actor.pinned-dispatcher";

    private readonly ConcurrentDictionary<string, MessageDispatcher> _dispatchers = new(StringComparer.Ordinal);

    internal Dispatchers(int defaultThroughput)
    {
        DefaultDispatcher = new ThreadPoolDispatcher(DefaultDispatcherId, defaultThroughput);
        _dispatchers[DefaultDispatcherId] = DefaultDispatcher;
        _dispatchers[PinnedDispatcherId] = new PinnedDispatcher(PinnedDispatcherId, defaultThroughput);
    }

    public MessageDispatcher DefaultDispatcher { get; }

    /// <summary>Registers (or replaces) a dispatcher, e.g. a thread-pool one with another throughput.</summary>
    public void Register(MessageDispatcher dispatcher)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        _dispatchers[dispatcher.Id] = dispatcher;
    }

    public MessageDispatcher Lookup(string id) =>
        _dispatchers.TryGetValue(id, out var dispatcher)
            ? dispatcher
            : throw new ArgumentException(
                $"No dispatcher is registered under \"{id}\". Registered: {string.Join(", ", _dispatchers.Keys.Order(StringComparer.Ordinal))}. " +
                "Fix: call system.Dispatchers.Register(...) before creating the actor.", nameof(id));

    internal void Shutdown()
    {
        foreach (var dispatcher in _dispatchers.Values) dispatcher.Shutdown();
    }
}
