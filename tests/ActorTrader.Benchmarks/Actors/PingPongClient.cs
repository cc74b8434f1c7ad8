namespace ActorTrader.Benchmarks.Actors;

/// <summary>
/// Akka.NET's PingPong client: on <see cref="Run"/> it sends a burst to its echo actor, and every
/// reply triggers the next send until the quota is sent; it completes the run when all replies are back.
/// </summary>
internal sealed class PingPongClient : ReceiveActor
{
    private readonly IActorRef _echo;
    private long _toSend;
    private long _toReceive;
    private TaskCompletionSource? _done;

    public PingPongClient(IActorRef echo)
    {
        _echo = echo;
        // The hot handler first: ReceiveActor tries handlers in declaration order.
        Receive<Ping>(_ =>
        {
            if (_toSend > 0) Send();
            if (--_toReceive == 0) _done!.TrySetResult();
        });
        Receive<Run>(run =>
        {
            _toSend = run.RoundTrips;
            _toReceive = run.RoundTrips;
            _done = run.Done;
            for (var i = 0; i < run.Burst && _toSend > 0; i++) Send();
        });
    }

    private void Send()
    {
        _toSend--;
        _echo.Tell(Ping.Instance, Self);
    }

    public sealed record Run(long RoundTrips, int Burst, TaskCompletionSource Done);
}
