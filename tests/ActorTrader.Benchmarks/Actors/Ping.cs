namespace ActorTrader.Benchmarks.Actors;

/// <summary>The one message bounced around; a shared instance, so figures measure the runtime, not message allocation.</summary>
internal sealed class Ping
{
    public static readonly Ping Instance = new();

    private Ping() { }
}
