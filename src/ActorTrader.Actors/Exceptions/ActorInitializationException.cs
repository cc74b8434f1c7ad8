namespace ActorTrader.Actors;

/// <summary>An actor's constructor or <c>PreStart</c> threw; the default supervisor stops such an actor.</summary>
public class ActorInitializationException : AkkaException
{
    public ActorInitializationException() { }

    public ActorInitializationException(string message) : base(message) { }

    public ActorInitializationException(string message, Exception? innerException) : base(message, innerException) { }

    public ActorInitializationException(IActorRef? actor, string message, Exception? innerException)
        : base(message, innerException)
    {
        Actor = actor;
    }

    public IActorRef? Actor { get; }
}
