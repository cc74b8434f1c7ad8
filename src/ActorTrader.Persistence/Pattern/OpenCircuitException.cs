namespace ActorTrader.Persistence;

/// <summary>A call refused without trying because the breaker is open (Akka's <c>OpenCircuitException</c>).</summary>
public sealed class OpenCircuitException : Exception
{
    public OpenCircuitException() { }

    public OpenCircuitException(string message) : base(message) { }

    public OpenCircuitException(string message, Exception innerException) : base(message, innerException) { }

    public OpenCircuitException(string message, TimeSpan remainingDuration) : base(message)
    {
        RemainingDuration = remainingDuration;
    }

    /// <summary>Time until the breaker lets a trial call through.</summary>
    public TimeSpan RemainingDuration { get; }
}
