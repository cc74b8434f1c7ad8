namespace ActorTrader.Benchmarks.Actors;

/// <summary>Creates idle children on request, filling the caller's array with their references.</summary>
internal sealed class IdleParent : ReceiveActor
{
    public IdleParent()
    {
        Receive<Spawn>(spawn =>
        {
            var childProps = Props.Create(() => new IdleActor(spawn.Started));
            for (var i = 0; i < spawn.Children.Length; i++) spawn.Children[i] = Context.ActorOf(childProps);
        });
    }

    /// <summary>Fills <paramref name="Children"/>; each child signals <paramref name="Started"/> from PreStart.</summary>
    public sealed record Spawn(IActorRef[] Children, AsyncCountdown Started);
}
