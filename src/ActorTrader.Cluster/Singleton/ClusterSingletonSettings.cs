using ActorTrader.Cluster.Leases;

namespace ActorTrader.Cluster.Singleton;

/// <summary>One singleton's lease and timings.</summary>
/// <param name="LeaseName">The lease the singleton runs under (trading/account-&lt;id&gt;, research/coordinator).</param>
/// <param name="Holder">This node's holder string (<see cref="ClusterOptions.Holder"/>).</param>
/// <param name="Ttl">How long the lease lasts without renewal; it is renewed every third of it.</param>
/// <param name="RetryInterval">How often a standby tries to take the lease.</param>
/// <param name="Scopes">The persistence ids the lease fences (registered in the database and locally on start).</param>
public sealed record ClusterSingletonSettings(string LeaseName, string Holder, TimeSpan Ttl, TimeSpan RetryInterval, IReadOnlyList<LeaseScope> Scopes)
{
    /// <summary>Throws a message naming the singleton and the fix when a value cannot work.</summary>
    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(LeaseName);
        ArgumentException.ThrowIfNullOrEmpty(Holder);
        ArgumentNullException.ThrowIfNull(Scopes);
        if (Ttl <= TimeSpan.Zero)
            throw new ArgumentException($"Singleton '{LeaseName}': the lease TTL is {Ttl}. Fix: set actortrader.cluster.lease-ttl to a positive duration.");
        if (RetryInterval <= TimeSpan.Zero)
            throw new ArgumentException($"Singleton '{LeaseName}': the retry interval is {RetryInterval}. Fix: set actortrader.cluster.lease-retry-interval to a positive duration.");
    }
}
