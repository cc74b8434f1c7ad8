using ActorTrader.Actors;

namespace ActorTrader.Persistence.CrashProbe;

/// <summary>
/// Watches the probe actors: a persistent actor stops when the journal fails, which must end the run with an
/// error the test sees (stderr and exit code 1), not leave a silent process.
/// </summary>
public sealed class ProbeGuard : ReceiveActor
{
    public ProbeGuard(IReadOnlyList<IActorRef> actors, TaskCompletionSource<string> failed)
    {
        ArgumentNullException.ThrowIfNull(actors);
        foreach (var actor in actors) Context.Watch(actor);
        Receive<Terminated>(terminated => failed.TrySetResult($"{terminated.ActorRef.Path} stopped (a persist, recovery or snapshot failure; see the log above)."));
    }
}
