namespace ActorTrader.Actors;

/// <summary>An <c>Ask</c> got no reply within its timeout.</summary>
public class AskTimeoutException : AkkaException
{
    public AskTimeoutException() { }

    public AskTimeoutException(string message) : base(message) { }

    public AskTimeoutException(string message, Exception? innerException) : base(message, innerException) { }
}
