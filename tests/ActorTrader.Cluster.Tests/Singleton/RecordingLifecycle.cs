using ActorTrader.Actors;
using ActorTrader.Cluster.Leases;
using ActorTrader.Cluster.Singleton;

namespace ActorTrader.Cluster.Tests.Singleton;

/// <summary>A singleton that reports its start and stop to a probe, with the epoch its node's fence held at the stop.</summary>
internal sealed class RecordingLifecycle(IActorRef probe, LeaseEpochs epochs, string leaseName) : ISingletonLifecycle
{
    public Task StartAsync(LeaseGrant grant, CancellationToken cancellationToken)
    {
        probe.Tell(new LifecycleStarted(grant), ActorRefs.NoSender);
        return Task.CompletedTask;
    }

    public Task StopAsync(string reason)
    {
        probe.Tell(new LifecycleStopped(reason, epochs.EpochOf(leaseName)), ActorRefs.NoSender);
        return Task.CompletedTask;
    }
}

internal sealed record LifecycleStarted(LeaseGrant Grant);

/// <param name="FencedEpoch">What <see cref="LeaseEpochs.EpochOf"/> said when the stop began: null once the fence is down.</param>
internal sealed record LifecycleStopped(string Reason, long? FencedEpoch);
