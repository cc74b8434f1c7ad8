namespace ActorTrader.Actors;

/// <summary>Base of the runtime's own exceptions.</summary>
public class AkkaException : Exception
{
    public AkkaException() { }

    public AkkaException(string message) : base(message) { }

    public AkkaException(string message, Exception? innerException) : base(message, innerException) { }
}
