using ActorTrader.Cluster.Leases;

namespace ActorTrader.Cluster.Singleton;

/// <summary>Asks a <see cref="ClusterSingletonManager"/> for its <see cref="SingletonState"/>.</summary>
public sealed record GetSingletonState
{
    public static GetSingletonState Instance { get; } = new();
}

/// <summary>A manager's view: whether this node runs the singleton, at which epoch, and who holds the lease as far as it knows.</summary>
public sealed record SingletonState(string LeaseName, bool Active, long Epoch, string? CurrentHolder);

/// <summary>Published on the event stream when this node took the lease and started the singleton.</summary>
public sealed record SingletonStarted(string LeaseName, long Epoch, string Holder);

/// <summary>Published on the event stream when this node stopped the singleton (its lease was lost or the node stops).</summary>
public sealed record SingletonStopped(string LeaseName, long Epoch, string Reason);

internal sealed record RegisterScopes
{
    public static RegisterScopes Instance { get; } = new();
}

internal sealed record ScopesRegistered(Exception? Error);

internal sealed record AttemptAcquire
{
    public static AttemptAcquire Instance { get; } = new();
}

/// <param name="Started">The actor clock when the attempt started: the lease lasts at least TTL from then.</param>
internal sealed record AcquireResult(LeaseGrant? Grant, LeaseView? Current, TimeSpan Started, Exception? Error);

internal sealed record RenewTick
{
    public static RenewTick Instance { get; } = new();
}

internal sealed record RenewResult(LeaseGrant? Grant, TimeSpan Started, int Term, Exception? Error);

internal sealed record DeadlineTick(int Term);

internal sealed record LeaseLost(LeaseGrant Grant, string Reason);
