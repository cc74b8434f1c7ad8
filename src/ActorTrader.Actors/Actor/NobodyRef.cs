namespace ActorTrader.Actors;

/// <summary>The reference that is no actor; everything told to it is dropped.</summary>
internal sealed class NobodyRef : MinimalActorRef
{
    public static readonly NobodyRef Instance = new();

    private static readonly ActorPath NobodyPath = new RootActorPath("all-systems") / "Nobody";

    private NobodyRef() { }

    public override ActorPath Path => NobodyPath;

    public override bool IsTerminated => true;
}
