using ActorTrader.Actors;

namespace ActorTrader.Trading.Tests.Accounts;

/// <summary>Stands in for a child the account creates from Props: forwards everything to a probe, keeping the sender.</summary>
internal sealed class ForwardingActor : ReceiveActor
{
    public ForwardingActor(IActorRef target)
    {
        ReceiveAny(message => target.Tell(message, Sender));
    }

    public static Props To(IActorRef target) => Props.Create(() => new ForwardingActor(target));
}
