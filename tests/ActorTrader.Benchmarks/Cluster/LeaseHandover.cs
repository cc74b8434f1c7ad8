using System.Diagnostics;
using System.Globalization;
using ActorTrader.Cluster;
using ActorTrader.Cluster.Leases;
using ActorTrader.Cluster.Singleton;
using NpgsqlTypes;

namespace ActorTrader.Benchmarks.Cluster;

/// <summary>
/// Lease handover: a lease held by a holder that no longer renews (a dead node), and a standby
/// <see cref="ClusterSingletonManager"/> with the node's default TTL and retry interval trying to take it. The TTL running
/// out is emulated by <c>UPDATE cluster_leases SET expires_at = clock_timestamp()</c>, after a random wait in
/// [0, retry interval) so the expiry falls at any phase of the standby's retry timer. Timed from just before that UPDATE is
/// sent to the standby's lifecycle StartAsync. Process death and its detection are the multi-process failover test's
/// subject (tests/ActorTrader.Cluster.NodeTests/FailoverTests.cs), not this figure's.
/// </summary>
internal static class LeaseHandover
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static async Task<BenchmarkFigure> RunAsync(ClusterBenchmarkDatabase database, ClusterSuiteSizes sizes)
    {
        var defaults = new ClusterOptions("standby", database.ConnectionString);
        var retry = defaults.LeaseRetryInterval;
        await using var cluster = database.Open();
        var store = new LeaseStore(cluster);
        await using var system = ActorSystem.Create("cluster-lease-bench", new ActorSystemSetup { RunCoordinatedShutdownOnSignals = false });
        var random = new Random(11);
        var handovers = new List<double>(sizes.HandoverTrials);
        for (var trial = 0; trial < sizes.HandoverTrials; trial++)
        {
            handovers.Add(await TrialAsync(database, store, system, defaults, string.Create(CultureInfo.InvariantCulture, $"bench/handover-{trial}"), random.NextDouble() * retry));
        }
        var retryMs = retry.TotalMilliseconds;
        return new BenchmarkFigure("cluster_lease_handover_ms", "ms", new SampleSet(handovers), new SampleSet(handovers.Select(_ => retryMs)), Better.Lower, Statistic.Median,
            Target: retryMs, TargetRatio: 1,
            Workload: string.Create(CultureInfo.InvariantCulture,
                $"{sizes.HandoverTrials} trials: lease expired by UPDATE (the holder stopped renewing) at a random phase of the standby's retry timer, to the standby ClusterSingletonManager's lifecycle StartAsync; TTL {defaults.LeaseTtl.TotalSeconds} s, retry {retry.TotalSeconds} s (node defaults); expected about retry/2 + one acquire round trip"),
            BaselineKind: "the configured lease retry interval (a constant: ratio = handover / retry interval)");
    }

    private static async Task<double> TrialAsync(ClusterBenchmarkDatabase database, LeaseStore store, ActorSystem system, ClusterOptions defaults, string lease, TimeSpan phase)
    {
        var holder = $"dead-node#{Guid.NewGuid():N}";
        // A long TTL: the lease lapses only when the benchmark expires it.
        _ = await store.TryAcquireAsync(lease, holder, TimeSpan.FromHours(1), CancellationToken.None)
            ?? throw new InvalidOperationException($"Lease {lease} could not be taken for the holder; it must be new in schema {database.Schema}.");
        var singleton = new RecordingSingleton();
        var settings = new ClusterSingletonSettings(lease, defaults.Holder, defaults.LeaseTtl, defaults.LeaseRetryInterval, []);
        var manager = system.ActorOf(ClusterSingletonManager.Props(settings, store, new LeaseEpochs(), singleton));
        await AwaitStandbySeesAsync(manager, holder, lease);
        await Task.Delay(phase);

        var expired = Stopwatch.GetTimestamp();
        await using (var expire = database.Command($"UPDATE {database.Table("cluster_leases")} SET expires_at = clock_timestamp() WHERE name = @name"))
        {
            expire.Parameters.AddWithValue("name", NpgsqlDbType.Text, lease);
            await expire.ExecuteNonQueryAsync();
        }
        var started = await singleton.Started.Task.WaitAsync(Patience);
        var handover = (started - expired) * 1000.0 / Stopwatch.Frequency;

        // Stopping the manager stops the singleton and releases the lease; each trial has its own lease, so nothing waits on it.
        await manager.GracefulStop(Patience);
        await singleton.Stopped.Task.WaitAsync(Patience);
        return handover;
    }

    private static async Task AwaitStandbySeesAsync(IActorRef manager, string holder, string lease)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(Patience.TotalSeconds * Stopwatch.Frequency);
        while ((await manager.Ask<SingletonState>(GetSingletonState.Instance, Patience)).CurrentHolder != holder)
        {
            if (Stopwatch.GetTimestamp() > deadline)
                throw new TimeoutException($"The standby of lease {lease} did not see holder {holder} within {Patience}. Fix: check the PostgreSQL server.");
            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }
    }
}
