namespace ActorTrader.Streams;

/// <summary>The materialized value of stages that have nothing to hand back (Akka's <c>NotUsed</c>).</summary>
public sealed class NotUsed
{
    public static readonly NotUsed Instance = new();

    private NotUsed() { }

    public override string ToString() => "NotUsed";
}
