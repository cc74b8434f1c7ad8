namespace ActorTrader.Persistence.Tests.Behaviour.Memory;

public sealed class MemoryPersistentActorSpec : PersistentActorSpec
{
    protected override PersistenceBackend CreateBackend() => new MemoryBackend();
}
