using ActorTrader.Actors.Dispatch;

namespace ActorTrader.Actors;

/// <summary>The runtime's view of a reference: system messages and lifecycle control.</summary>
internal interface IInternalActorRef : IActorRef
{
    IInternalActorRef? Parent { get; }

    bool IsTerminated { get; }

    void SendSystemMessage(SystemMessage message);

    void Stop();
}
