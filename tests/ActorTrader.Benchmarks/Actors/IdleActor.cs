namespace ActorTrader.Benchmarks.Actors;

/// <summary>
/// A typical small actor that does nothing: one declared handler, and an optional countdown it
/// signals from PreStart, so a benchmark knows the actor has been fully created.
/// </summary>
internal sealed class IdleActor : ReceiveActor
{
    private readonly AsyncCountdown? _started;

    public IdleActor(AsyncCountdown? started)
    {
        _started = started;
        Receive<Ping>(_ => { });
        Receive<Touch>(touch => touch.Done.Signal());
    }

    /// <summary>One message to handle, so the actor's mailbox has been used before it goes idle.</summary>
    public sealed record Touch(AsyncCountdown Done);

    protected override void PreStart() => _started?.Signal();
}
