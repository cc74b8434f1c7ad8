namespace ActorTrader.Actors;

/// <summary>Anything a message can be sent to: an actor reference or an actor selection.</summary>
public interface ICanTell
{
    /// <summary>Sends <paramref name="message"/> without waiting; never throws for a stopped target.</summary>
    void Tell(object message, IActorRef? sender);
}

/// <summary>
/// An immutable, thread-safe handle to an actor. Two references are equal when they name the same
/// path and the same incarnation (uid), as in Akka.NET.
/// </summary>
public interface IActorRef : ICanTell, IEquatable<IActorRef>, IComparable<IActorRef>
{
    ActorPath Path { get; }
}
