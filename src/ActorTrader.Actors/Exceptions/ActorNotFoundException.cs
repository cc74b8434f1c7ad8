namespace ActorTrader.Actors;

/// <summary>An <see cref="ActorSelection"/> resolved to no living actor.</summary>
public class ActorNotFoundException : AkkaException
{
    public ActorNotFoundException() { }

    public ActorNotFoundException(string message) : base(message) { }

    public ActorNotFoundException(string message, Exception? innerException) : base(message, innerException) { }
}
