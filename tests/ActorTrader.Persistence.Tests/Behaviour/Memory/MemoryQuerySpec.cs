namespace ActorTrader.Persistence.Tests.Behaviour.Memory;

public sealed class MemoryQuerySpec : QuerySpec
{
    protected override PersistenceBackend CreateBackend() => new MemoryBackend();
}
