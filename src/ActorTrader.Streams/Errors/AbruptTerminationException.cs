namespace ActorTrader.Streams;

/// <summary>The stream was still running when its materializer shut down (for example on actor system termination).</summary>
public sealed class AbruptTerminationException : Exception
{
    public AbruptTerminationException()
        : base("The stream was terminated abruptly because its materializer shut down. Fix: complete or cancel streams (kill switch) before terminating the actor system.")
    {
    }

    public AbruptTerminationException(string message) : base(message)
    {
    }

    public AbruptTerminationException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
