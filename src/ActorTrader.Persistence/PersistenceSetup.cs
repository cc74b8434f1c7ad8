using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Memory;
using ActorTrader.Persistence.Query;
using ActorTrader.Persistence.Serialization;
using ActorTrader.Persistence.Snapshots;

namespace ActorTrader.Persistence;

/// <summary>
/// What <see cref="Persistence.Install"/> needs: the stores (built by a backend, see <see cref="PersistenceBackends"/>),
/// the serializer with every event type registered, and the settings.
/// </summary>
public sealed record PersistenceSetup(IJournal Journal, ISnapshotStore SnapshotStore, IJournalQuery Query, EventSerializer Serializer)
{
    public PersistenceSettings Settings { get; init; } = PersistenceSettings.Default;

    public PersistenceSetup(PersistenceStores stores, EventSerializer serializer)
        : this((stores ?? throw new ArgumentNullException(nameof(stores))).Journal, stores.SnapshotStore, stores.Query, serializer)
    {
    }

    /// <summary>In-memory stores over <paramref name="storage"/> (a fresh one when null): tests and throw-away runs.</summary>
    public static PersistenceSetup InMemory(EventSerializer serializer, MemoryStorage? storage = null) =>
        new(PersistenceStores.InMemory(storage ?? new MemoryStorage()), serializer) { Settings = PersistenceSettings.Default with { Journal = "memory" } };
}
