using System.Globalization;

namespace ActorTrader.Benchmarks.Cluster;

/// <summary>
/// Control command propagation: from the start of <c>ControlLog.AppendAsync</c> to the command's application on each of
/// the nodes (LISTEN/NOTIFY, then read after the cursor, apply, ack), as p50, p99 and max over all node deliveries of a
/// round; rounds alternate with the bare NOTIFY baseline (<see cref="BareNotifyPath"/>).
/// </summary>
internal static class ControlPropagation
{
    public static async Task<IReadOnlyList<BenchmarkFigure>> RunAsync(ClusterBenchmarkDatabase database, ClusterSuiteSizes sizes)
    {
        await using var nodes = await ControlBusNodes.StartAsync(database, sizes.ControlNodes);
        await using var bare = await BareNotifyPath.StartAsync(database, sizes.ControlNodes);
        await nodes.RoundAsync(sizes.ControlWarmupCommands, sizes.ControlSpacing);
        await bare.RoundAsync(sizes.ControlWarmupCommands, sizes.ControlSpacing);
        var measured = new List<LatencyPercentiles>();
        var baseline = new List<LatencyPercentiles>();
        for (var i = 0; i < sizes.ControlIterations; i++)
        {
            Sampling.FullCollect();
            measured.Add(LatencyPercentiles.Of(await nodes.RoundAsync(sizes.ControlCommands, sizes.ControlSpacing)));
            Sampling.FullCollect();
            baseline.Add(LatencyPercentiles.Of(await bare.RoundAsync(sizes.ControlCommands, sizes.ControlSpacing)));
        }

        var workload = string.Create(CultureInfo.InvariantCulture,
            $"{sizes.ControlCommands} commands per round appended {sizes.ControlSpacing.TotalMilliseconds} ms apart with ControlLog.AppendAsync to {sizes.ControlNodes} ControlBusListeners (n1..n{sizes.ControlNodes}, one actor system, own pool each, poll interval {ControlBusNodes.Settings.PollInterval.TotalSeconds} s) whose appliers ack at once; append start to applied, over all {sizes.ControlCommands * sizes.ControlNodes} node deliveries of a round; median over {sizes.ControlIterations} round(s)");
        const string baselineKind = "the same count of plain INSERT + pg_notify transactions (pooled connection, no advisory lock) to as many bare LISTEN connections, start to Notification event, same percentile";
        return
        [
            Figure("cluster_control_propagation_p50_ms", measured, baseline, p => p.P50, target: 1000, workload, baselineKind),
            Figure("cluster_control_propagation_p99_ms", measured, baseline, p => p.P99, target: 1000, workload, baselineKind),
            Figure("cluster_control_propagation_max_ms", measured, baseline, p => p.Max, target: ControlBusNodes.Settings.PollInterval.TotalMilliseconds, workload, baselineKind),
        ];
    }

    private static BenchmarkFigure Figure(string name, List<LatencyPercentiles> measured, List<LatencyPercentiles> baseline, Func<LatencyPercentiles, double> pick,
        double target, string workload, string baselineKind) =>
        new(name, "ms", new SampleSet(measured.Select(pick)), new SampleSet(baseline.Select(pick)), Better.Lower, Statistic.Median,
            Target: target, TargetRatio: null, Workload: workload, BaselineKind: baselineKind);
}
