using ActorTrader.Cluster.Leases;

namespace ActorTrader.Cluster.Singleton;

/// <summary>
/// What a <see cref="ClusterSingletonManager"/> runs while its node holds the lease: started after each acquisition,
/// stopped when the lease is lost or the node shuts down. Both calls come from the manager, one at a time.
/// </summary>
public interface ISingletonLifecycle
{
    /// <summary>Starts the singleton; its journal writes carry <see cref="LeaseGrant.Epoch"/>.</summary>
    Task StartAsync(LeaseGrant grant, CancellationToken cancellationToken);

    /// <summary>Stops the singleton; <paramref name="reason"/> says why (lease taken over, not renewed, node shutting down).</summary>
    Task StopAsync(string reason);
}
