using ActorTrader.Actors;

namespace ActorTrader.Persistence;

/// <summary>One entry of the write batch: an atomic write of events, or a deferred handler that only keeps its place in line.</summary>
internal abstract record BatchItem(int InvocationCount);

/// <summary>Events stored all or none (Akka's <c>AtomicWrite</c>); one per <c>Persist</c>, one for all events of <c>PersistAll</c>.</summary>
internal sealed record AtomicWriteItem(IReadOnlyList<object> Events, IActorRef Sender) : BatchItem(Events.Count);

internal sealed record DeferredItem(object Payload, IActorRef Sender) : BatchItem(1);
