namespace ActorTrader.Persistence.Tests.Behaviour.Memory;

public sealed class MemoryAtLeastOnceDeliverySpec : AtLeastOnceDeliverySpec
{
    protected override PersistenceBackend CreateBackend() => new MemoryBackend();
}
