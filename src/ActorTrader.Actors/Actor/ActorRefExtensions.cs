namespace ActorTrader.Actors;

/// <summary>Akka.NET's implicit-sender <c>Tell</c>: inside an actor the sender is <c>Self</c>, elsewhere no sender.</summary>
public static class ActorRefExtensions
{
    public static void Tell(this ICanTell receiver, object message)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        receiver.Tell(message, ActorCell.Current?.Self);
    }

    /// <summary>Passes the message on, keeping the original sender, as Akka's <c>Forward</c>.</summary>
    public static void Forward(this ICanTell receiver, object message)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        var cell = ActorCell.Current
            ?? throw new InvalidOperationException("Forward can only be used inside an actor's message handler; use Tell(message, sender) elsewhere.");
        receiver.Tell(message, cell.Sender);
    }

    /// <summary>True when the reference is null or <see cref="ActorRefs.Nobody"/>.</summary>
    public static bool IsNobody(this IActorRef? actorRef) => actorRef is null || actorRef is NobodyRef;
}
