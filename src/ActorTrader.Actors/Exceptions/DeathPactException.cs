namespace ActorTrader.Actors;

/// <summary>An actor did not handle the <see cref="Terminated"/> of an actor it watched; the default supervisor stops it.</summary>
public class DeathPactException : AkkaException
{
    public DeathPactException() { }

    public DeathPactException(string message) : base(message) { }

    public DeathPactException(string message, Exception? innerException) : base(message, innerException) { }

    public DeathPactException(IActorRef deadActor)
        : base($"Monitored actor [{deadActor}] terminated and the watcher did not handle Terminated. Fix: add a handler for Terminated or Unwatch the actor.")
    {
        DeadActor = deadActor;
    }

    public IActorRef? DeadActor { get; }
}
