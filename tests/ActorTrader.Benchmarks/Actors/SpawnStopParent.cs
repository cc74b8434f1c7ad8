namespace ActorTrader.Benchmarks.Actors;

/// <summary>
/// On <see cref="Run"/>: creates that many children, watches each, stops them all, and completes the
/// run when every <see cref="Terminated"/> has arrived.
/// </summary>
internal sealed class SpawnStopParent : ReceiveActor
{
    private static readonly Props ChildProps = Props.Create(() => new IdleActor(null));

    private int _alive;
    private TaskCompletionSource? _done;

    public SpawnStopParent()
    {
        Receive<Terminated>(_ =>
        {
            if (--_alive == 0) _done!.TrySetResult();
        });
        Receive<Run>(run =>
        {
            _alive = run.Count;
            _done = run.Done;
            var children = new IActorRef[run.Count];
            for (var i = 0; i < children.Length; i++) children[i] = Context.Watch(Context.ActorOf(ChildProps));
            foreach (var child in children) Context.Stop(child);
        });
    }

    public sealed record Run(int Count, TaskCompletionSource Done);
}
