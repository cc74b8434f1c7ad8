using ActorTrader.Persistence.Memory;

namespace ActorTrader.Persistence.Tests.Behaviour.Memory;

/// <summary>The in-memory reference backend: the storage outlives the store instances, like a database outlives a process.</summary>
public sealed class MemoryBackend : PersistenceBackend
{
    public MemoryStorage Storage { get; } = new();

    public override Task<PersistenceStores> OpenAsync() => Task.FromResult(PersistenceStores.InMemory(Storage));
}
