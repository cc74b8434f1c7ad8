namespace ActorTrader.Persistence;

/// <summary>actortrader.persistence.circuit-breaker: Akka's breaker settings for journal and snapshot calls.</summary>
public sealed record CircuitBreakerSettings
{
    /// <summary>Consecutive failures that open the breaker.</summary>
    public int MaxFailures { get; init; } = 5;

    /// <summary>A call that takes longer counts as a failure.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the breaker stays open before one trial call is let through.</summary>
    public TimeSpan ResetTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
