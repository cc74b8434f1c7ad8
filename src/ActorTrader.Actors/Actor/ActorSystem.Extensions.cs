using System.Collections.Concurrent;

namespace ActorTrader.Actors;

/// <summary>Marks a per-system service (persistence, streams materializer, cluster) registered on an <see cref="ActorSystem"/>.</summary>
public interface IExtension;

// Akka.NET keeps one instance of each extension per actor system; so do we, keyed by the extension's type.
public sealed partial class ActorSystem
{
    private readonly ConcurrentDictionary<Type, IExtension> _extensions = new();

    /// <summary>Returns the registered extension of type <typeparamref name="T"/>, creating it once with <paramref name="create"/>.</summary>
    public T WithExtension<T>(Func<ActorSystem, T> create) where T : class, IExtension
    {
        ArgumentNullException.ThrowIfNull(create);
        return (T)_extensions.GetOrAdd(typeof(T), _ => create(this));
    }

    /// <summary>Registers <paramref name="extension"/>; a second registration of the same type is an error (it would split state).</summary>
    public T RegisterExtension<T>(T extension) where T : class, IExtension
    {
        ArgumentNullException.ThrowIfNull(extension);
        if (!_extensions.TryAdd(typeof(T), extension))
            throw new InvalidOperationException($"An extension of type {typeof(T).Name} is already registered on actor system \"{Name}\". Fix: register it once, at start-up.");
        return extension;
    }

    /// <summary>The registered extension of type <typeparamref name="T"/>, or null.</summary>
    public T? GetExtension<T>() where T : class, IExtension =>
        _extensions.TryGetValue(typeof(T), out var extension) ? (T)extension : null;

    public bool HasExtension<T>() where T : class, IExtension => _extensions.ContainsKey(typeof(T));
}
