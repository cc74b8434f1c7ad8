using ActorTrader.Actors;

namespace ActorTrader.TestKit;

/// <summary>An extra test actor: pass <see cref="Ref"/> where an actor is expected, then expect what it receives.</summary>
public sealed class TestProbe : TestKitBase
{
    private readonly string _name;

    internal TestProbe(ActorSystem system, string name, TimeSpan defaultTimeout) : base(defaultTimeout)
    {
        Sys = system;
        _name = name;
        _ = Ref; // create the actor now so messages sent to it are never missed
    }

    public override ActorSystem Sys { get; }

    public IActorRef Ref => ReceiverRef;

    private protected override string ActorNameForProbe() => _name;

    public override string ToString() => $"TestProbe({Ref.Path})";
}
