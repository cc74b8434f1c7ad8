using ActorTrader.Actors;

namespace ActorTrader.Persistence;

/// <summary>A command held back, with the sender it arrived with.</summary>
internal readonly record struct StashedMessage(object Message, IActorRef Sender);
