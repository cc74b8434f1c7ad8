namespace ActorTrader.Benchmarks.Actors;

/// <summary>Replies to every message with the same message.</summary>
internal sealed class EchoActor : ReceiveActor
{
    public EchoActor()
    {
        ReceiveAny(message => Sender.Tell(message, Self));
    }
}
