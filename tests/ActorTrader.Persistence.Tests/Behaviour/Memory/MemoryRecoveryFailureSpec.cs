namespace ActorTrader.Persistence.Tests.Behaviour.Memory;

public sealed class MemoryRecoveryFailureSpec : RecoveryFailureSpec
{
    protected override PersistenceBackend CreateBackend() => new MemoryBackend();
}
