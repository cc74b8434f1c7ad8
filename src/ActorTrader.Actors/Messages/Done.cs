namespace ActorTrader.Actors;

/// <summary>A completion signal without a value (Akka's <c>Done</c>).</summary>
public sealed class Done
{
    public static readonly Done Instance = new();

    private Done() { }
}
