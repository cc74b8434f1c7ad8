namespace ActorTrader.Persistence;

/// <summary>A persistent actor asks to start recovering; <see cref="Instance"/> is its incarnation's writer id.</summary>
internal sealed record RequestRecoveryPermit(string Instance);

/// <summary>The permitter's answer to <see cref="RequestRecoveryPermit"/> of the same <see cref="Instance"/>.</summary>
internal sealed record RecoveryPermitGranted(string Instance) : IPersistenceInternalMessage;

/// <summary>The actor finished (or failed, or gave up) recovering; its permit goes to the next waiting actor.</summary>
internal sealed record ReturnRecoveryPermit;
