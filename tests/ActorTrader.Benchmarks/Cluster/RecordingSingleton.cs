using System.Diagnostics;
using ActorTrader.Cluster.Leases;
using ActorTrader.Cluster.Singleton;

namespace ActorTrader.Benchmarks.Cluster;

/// <summary>A singleton that only notes when its manager started it (Stopwatch ticks) and when it stopped it.</summary>
internal sealed class RecordingSingleton : ISingletonLifecycle
{
    public TaskCompletionSource<long> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Stopped { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task StartAsync(LeaseGrant grant, CancellationToken cancellationToken)
    {
        Started.TrySetResult(Stopwatch.GetTimestamp());
        return Task.CompletedTask;
    }

    public Task StopAsync(string reason)
    {
        Stopped.TrySetResult();
        return Task.CompletedTask;
    }
}
