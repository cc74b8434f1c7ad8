namespace ActorTrader.Actors;

/// <summary>Raised inside an actor that received <see cref="Kill"/>; the default supervisor stops it.</summary>
public class ActorKilledException : AkkaException
{
    public ActorKilledException() : base("Kill") { }

    public ActorKilledException(string message) : base(message) { }

    public ActorKilledException(string message, Exception? innerException) : base(message, innerException) { }
}
