using ActorTrader.Actors.Dispatch;

namespace ActorTrader.Actors;

/// <summary>The reference to an actor living in this process: a thin handle over its cell.</summary>
internal sealed class LocalActorRef : ActorRefBase
{
    public LocalActorRef(ActorCell cell)
    {
        Cell = cell;
    }

    public ActorCell Cell { get; }

    public override ActorPath Path => Cell.Path;

    public override IInternalActorRef? Parent => Cell.Parent;

    public override bool IsTerminated => Cell.IsTerminated;

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        Cell.Mailbox.Post(this, new Envelope(message, sender));
    }

    public override void SendSystemMessage(SystemMessage message) => Cell.Mailbox.PostSystem(message);

    public override void Stop() => SendSystemMessage(new Terminate());
}
