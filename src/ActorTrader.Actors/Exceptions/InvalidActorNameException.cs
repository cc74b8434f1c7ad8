namespace ActorTrader.Actors;

/// <summary>An actor name is empty, malformed or already taken by a sibling.</summary>
public class InvalidActorNameException : AkkaException
{
    public InvalidActorNameException() { }

    public InvalidActorNameException(string message) : base(message) { }

    public InvalidActorNameException(string message, Exception? innerException) : base(message, innerException) { }
}
