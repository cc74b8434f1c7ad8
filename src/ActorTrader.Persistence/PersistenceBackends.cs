using ActorTrader.Persistence.Memory;

namespace ActorTrader.Persistence;

/// <summary>
/// Builds the stores that <c>actortrader.persistence.journal</c> names. "memory" is built in; the SQL backends register
/// themselves (<c>backends.Register("sqlite", (settings, dataDir) => ...)</c>) so this project's core knows no database.
/// </summary>
public sealed class PersistenceBackends
{
    private readonly Dictionary<string, Func<PersistenceSettings, string, PersistenceStores>> _factories = new(StringComparer.Ordinal)
    {
        ["memory"] = (_, _) => PersistenceStores.InMemory(new MemoryStorage()),
    };

    public IReadOnlyList<string> Names => _factories.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>Registers (or replaces) the factory of <paramref name="name"/>; it gets the settings and the node's data directory.</summary>
    public PersistenceBackends Register(string name, Func<PersistenceSettings, string, PersistenceStores> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        _factories[name] = factory;
        return this;
    }

    /// <summary>Builds the stores of <see cref="PersistenceSettings.Journal"/>; they still need <see cref="PersistenceStores.StartAsync"/>.</summary>
    public PersistenceStores Create(PersistenceSettings settings, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!_factories.TryGetValue(settings.Journal, out var factory))
        {
            throw new PersistenceSettingsException(
                $"actortrader.persistence.journal = \"{settings.Journal}\" has no backend in this process (available: {string.Join(", ", Names)}). " +
                "Fix: register the backend at start-up, or choose one of the available ones.");
        }
        return factory(settings, dataDirectory);
    }
}
