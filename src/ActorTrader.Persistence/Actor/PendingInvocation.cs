namespace ActorTrader.Persistence;

/// <summary>A handler waiting for its event to become durable (or its deferred turn). Stashing ones hold back commands.</summary>
internal sealed record PendingInvocation(Action<object> Handler, bool Stashing);
