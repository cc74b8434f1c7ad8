namespace ActorTrader.Persistence;

/// <summary>Akka's breaker states: calls flow (Closed), fail fast (Open), or one trial call is let through (HalfOpen).</summary>
public enum CircuitBreakerState
{
    Closed,
    Open,
    HalfOpen,
}
