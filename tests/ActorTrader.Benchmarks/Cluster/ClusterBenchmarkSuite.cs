using System.Diagnostics;
using ActorTrader.Benchmarks.Persistence;

namespace ActorTrader.Benchmarks.Cluster;

/// <summary>
/// ActorTrader.Cluster's figures on PostgreSQL (ACTORTRADER_TEST_POSTGRES or ACTORTRADER_POSTGRES; without it the suite
/// says so and reports nothing): control command propagation over LISTEN/NOTIFY, distributed GA evaluations/s with 1 to 3
/// research nodes simulated in-process, and lease handover to a standby singleton manager, each next to a same-run baseline.
/// Failover with real node processes is measured by tests/ActorTrader.Cluster.NodeTests/FailoverTests.cs instead.
/// </summary>
internal sealed class ClusterBenchmarkSuite : IBenchmarkSuite
{
    public string Name => "cluster";

    public string Description => "control bus propagation p50/p99/max (vs bare NOTIFY), distributed GA evals/s 1-3 in-process nodes (vs local backend), lease handover (vs retry interval); needs ACTORTRADER_TEST_POSTGRES";

    public async Task<IReadOnlyList<BenchmarkFigure>> RunAsync(BenchmarkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (PostgresBenchmarkDatabase.ConfiguredConnectionString() is not { } connectionString)
        {
            Console.Error.WriteLine("cluster: skipped, the cluster needs PostgreSQL (set ACTORTRADER_TEST_POSTGRES or ACTORTRADER_POSTGRES)");
            return [];
        }

        var sizes = ClusterSuiteSizes.For(options);
        var figures = new List<BenchmarkFigure>();
        await using var database = await ClusterBenchmarkDatabase.CreateAsync(connectionString);
        figures.AddRange(await Timed("control propagation", () => ControlPropagation.RunAsync(database, sizes)));
        figures.AddRange(await DistributedEvaluation.RunAsync(database, sizes));
        figures.Add(await Timed("lease handover", () => LeaseHandover.RunAsync(database, sizes)));
        return figures;
    }

    // Progress goes to stderr so that stdout stays clean JSON.
    private static async Task<T> Timed<T>(string name, Func<Task<T>> measure)
    {
        Console.Error.Write($"cluster: {name} ... ");
        var started = Stopwatch.GetTimestamp();
        var result = await measure();
        Console.Error.WriteLine($"done in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
        return result;
    }
}
