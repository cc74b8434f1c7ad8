using ActorTrader.Actors;

namespace ActorTrader.Actors.Tests.Addressing;

/// <summary>Creates a named child and replies with its reference.</summary>
internal sealed record CreateChild(string Name);

/// <summary>Sends <see cref="Message"/> to the selection <see cref="Path"/>, taken relative to the receiving actor, keeping the original sender.</summary>
internal sealed record TellSelection(string Path, object Message);

/// <summary>What an <see cref="AddressedActor"/> received, and at which path.</summary>
internal sealed record ReceivedAt(string Path, object Message);

/// <summary>Creates children on request, relays to selections, and reports anything else with its own path.</summary>
internal sealed class AddressedActor : ReceiveActor
{
    public AddressedActor(params string[] children)
    {
        foreach (var child in children) Context.ActorOf(Props.Create(() => new AddressedActor()), child);
        Receive<CreateChild>(create => Sender.Tell(Context.ActorOf(Props.Create(() => new AddressedActor()), create.Name), Self));
        Receive<TellSelection>(tell => Context.ActorSelection(tell.Path).Tell(tell.Message, Sender));
        ReceiveAny(message => Sender.Tell(new ReceivedAt(Self.Path.ToStringWithoutAddress(), message), Self));
    }
}
