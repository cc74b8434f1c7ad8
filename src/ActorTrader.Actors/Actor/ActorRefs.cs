namespace ActorTrader.Actors;

/// <summary>Well-known references: <see cref="NoSender"/> (no reply possible) and <see cref="Nobody"/>.</summary>
public static class ActorRefs
{
    /// <summary>Use as sender when no reply is wanted; replies to it go to dead letters.</summary>
    public static readonly IActorRef? NoSender;

    /// <summary>A reference that drops everything it is told.</summary>
    public static readonly IActorRef Nobody = NobodyRef.Instance;
}
