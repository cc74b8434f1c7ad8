namespace ActorTrader.Persistence;

/// <summary>actortrader.persistence.recovery: how many actors recover at once, the replay page size, and when a stuck recovery fails.</summary>
public sealed record RecoverySettings
{
    /// <summary>Persistent actors recovering at the same time; the rest wait their turn (FIFO).</summary>
    public int MaxConcurrent { get; init; } = 50;

    /// <summary>Events read from the journal per round trip while replaying.</summary>
    public int ReplayBatchSize { get; init; } = 1000;

    /// <summary>A recovery step (snapshot load or one replay page) that makes no progress for this long fails the actor.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);
}
