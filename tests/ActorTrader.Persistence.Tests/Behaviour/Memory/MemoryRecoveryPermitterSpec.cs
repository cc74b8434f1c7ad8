namespace ActorTrader.Persistence.Tests.Behaviour.Memory;

public sealed class MemoryRecoveryPermitterSpec : RecoveryPermitterSpec
{
    protected override PersistenceBackend CreateBackend() => new MemoryBackend();
}
