namespace ActorTrader.Actors;

/// <summary>The fresh instance of a restarted actor threw in its constructor or <c>PostRestart</c>.</summary>
public class PostRestartException : ActorInitializationException
{
    public PostRestartException() { }

    public PostRestartException(string message) : base(message) { }

    public PostRestartException(string message, Exception? innerException) : base(message, innerException) { }

    public PostRestartException(IActorRef actor, Exception cause, Exception originalCause)
        : base(actor, $"Exception post restart of {actor.Path} ({originalCause.GetType().Name}: {originalCause.Message})", cause)
    {
        OriginalCause = originalCause;
    }

    public Exception? OriginalCause { get; }
}
