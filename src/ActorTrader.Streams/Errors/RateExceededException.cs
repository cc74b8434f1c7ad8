namespace ActorTrader.Streams;

/// <summary>An element arrived faster than a <see cref="ThrottleMode.Enforcing"/> throttle allows.</summary>
public sealed class RateExceededException : Exception
{
    public RateExceededException()
        : base("Maximum throttle throughput exceeded. Fix: use ThrottleMode.Shaping to slow the stream down instead of failing it, or raise the rate or burst.")
    {
    }

    public RateExceededException(string message) : base(message)
    {
    }

    public RateExceededException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
