using System.Diagnostics;
using ActorTrader.Streams;

namespace ActorTrader.Benchmarks.Ingest;

/// <summary>
/// End-to-end ingestion: synthetic provider → IngestionActor's stream (freshness, parallel fetch, toxic/OHLC/timestamp
/// validation, strict health on the NYSE calendar, batched writes) → ParquetBarStore in a temp directory, durable
/// (every file fsynced before its rename, directories fsynced before a write returns).
/// ingest_bars_per_s: bars written per second of wall time, baseline the same bars through a sequential loop without
/// the stream, alternated in the same run. ingest_cpu_ms_per_million_bars: the process's CPU time for the same runs,
/// which other tenants of a shared machine disturb far less than wall time. ingest_peak_working_set_mb_N /
/// ingest_peak_managed_mb_N: the peak working set and managed heap of a fresh process ingesting N symbols (see
/// <see cref="IsolatedMemoryRun"/>), baseline the same peak at the smallest N, so the ratio shows whether memory grows
/// with the symbol count (target: under 1 GB, ratio ≤ 1.25).
/// </summary>
internal sealed class IngestBenchmarkSuite : IBenchmarkSuite
{
    public string Name => "ingest";

    public string Description => "end-to-end ingestion of 1000 synthetic symbols x 10 years of daily bars into the lakehouse (vs a sequential loop without the stream); peak memory at 1000 and 5000 symbols";

    public async Task<IReadOnlyList<BenchmarkFigure>> RunAsync(BenchmarkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (IsolatedMemoryRun.FromEnvironment() is { } child)
        {
            await child.RunInThisProcessAsync();
            return [];
        }

        var sizes = IngestSuiteSizes.For(options);
        var root = Path.Combine(Path.GetTempPath(), "actortrader-ingest-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            var figures = new List<BenchmarkFigure>();
            figures.AddRange(await ThroughputAsync(sizes, root));
            figures.AddRange(await PeakMemoryAsync(sizes, root));
            return figures;
        }
        finally
        {
            Console.Error.Write("ingest: deleting the benchmark lakehouses ... ");
            Directory.Delete(root, recursive: true);
            Console.Error.WriteLine("done");
        }
    }

    private static async Task<IReadOnlyList<BenchmarkFigure>> ThroughputAsync(IngestSuiteSizes sizes, string root)
    {
        await using var system = ActorSystem.Create("ingest-bench", new ActorSystemSetup { RunCoordinatedShutdownOnSignals = false });
        var materializer = system.Materializer();
        var workload = new IngestWorkload(sizes.Symbols, sizes.Years);
        Console.Error.Write($"ingest: throughput, {workload.Describe} (load average {LoadAverage.Now}) ... ");
        var started = Stopwatch.GetTimestamp();
        var streamCpu = new List<double>();
        var sequentialCpu = new List<double>();
        var (stream, sequential) = await Sampling.Alternating(sizes.Warmups, TimeSpan.Zero, sizes.Iterations,
            () => Rate(root, dir => workload.RunStreamAsync(dir, system, materializer), streamCpu),
            () => Rate(root, workload.RunSequentialAsync, sequentialCpu));
        Console.Error.WriteLine($"done in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s (load average {LoadAverage.Now})");
        var what = $"{workload.Describe}, end to end into a fresh lakehouse with durable writes (parallelism {IngestWorkload.Settings.Parallelism}, write batches of {IngestWorkload.Settings.WriteBatchSize} symbols), {Environment.ProcessorCount} cores";
        const string baselineKind = "the same bars fetched, validated, health-checked and written in one sequential loop without the stream";
        return
        [
            new BenchmarkFigure("ingest_bars_per_s", "bars/s", stream, sequential, Better.Higher, Statistic.Best,
                Target: 1_000_000, TargetRatio: null, Workload: what, BaselineKind: baselineKind),
            // The warm-up rounds come first; the measured ones are the last Iterations of each list.
            new BenchmarkFigure("ingest_cpu_ms_per_million_bars", "ms", new SampleSet(streamCpu.TakeLast(sizes.Iterations)), new SampleSet(sequentialCpu.TakeLast(sizes.Iterations)),
                Better.Lower, Statistic.Best, Target: 2000, TargetRatio: null,
                Workload: what + "; process CPU time (all threads, GC included) per million bars written; at most 2,000 ms is 1M bars/s when both cores are free",
                BaselineKind: baselineKind),
        ];
    }

    private static async Task<IReadOnlyList<BenchmarkFigure>> PeakMemoryAsync(IngestSuiteSizes sizes, string root)
    {
        var peaks = new List<(int Symbols, SampleSet WorkingSetMb, SampleSet ManagedMb)>();
        foreach (var count in sizes.MemorySymbolCounts)
        {
            Console.Error.Write($"ingest: peak memory at {count:N0} symbols x {sizes.MemoryYears} years, {sizes.MemoryRuns} fresh process(es) (load average {LoadAverage.Now}) ... ");
            var started = Stopwatch.GetTimestamp();
            var workingSets = new List<double>();
            var managed = new List<double>();
            for (var run = 0; run < sizes.MemoryRuns; run++)
            {
                var child = new IsolatedMemoryRun(count, sizes.MemoryYears, NewDirectory(root), Path.Combine(root, $"memory-{count}-{run}.txt"));
                var (workingSet, heap) = await child.MeasureInChildAsync();
                workingSets.Add(workingSet / 1e6);
                managed.Add(heap / 1e6);
            }

            peaks.Add((count, new SampleSet(workingSets), new SampleSet(managed)));
            Console.Error.WriteLine($"done in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
        }

        var figures = new List<BenchmarkFigure>();
        var smallest = peaks[0];
        foreach (var peak in peaks)
        {
            var what = $"{peak.Symbols:N0} symbols x {sizes.MemoryYears} years of daily synthetic bars through the stream, in a process started for each of {sizes.MemoryRuns} run(s)";
            var baselineKind = $"the same peak at {smallest.Symbols:N0} symbols (ratio 1 = flat in the symbol count)";
            figures.Add(new BenchmarkFigure($"ingest_peak_working_set_mb_{peak.Symbols}", "MB", peak.WorkingSetMb, smallest.WorkingSetMb,
                Better.Lower, Statistic.Median, Target: 1000, TargetRatio: 1.25, Workload: what + "; peak working set of the whole process (the OS high-water mark)", BaselineKind: baselineKind));
            figures.Add(new BenchmarkFigure($"ingest_peak_managed_mb_{peak.Symbols}", "MB", peak.ManagedMb, smallest.ManagedMb,
                Better.Lower, Statistic.Median, Target: 1000, TargetRatio: 1.25, Workload: what + "; managed heap incl. uncollected garbage, sampled every 5 ms", BaselineKind: baselineKind));
        }

        return figures;
    }

    /// <summary>Bars per second of one run; its CPU milliseconds per million bars go to <paramref name="cpu"/>.</summary>
    private static async Task<double> Rate(string root, Func<string, Task<long>> run, List<double> cpu)
    {
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var bars = await run(NewDirectory(root));
        var elapsed = Stopwatch.GetElapsedTime(started);
        process.Refresh();
        cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds / (bars / 1e6));
        return bars / elapsed.TotalSeconds;
    }

    // Every run writes into an empty lakehouse: a second run into the same one would (correctly) write nothing.
    // They are all deleted at the end of the suite, not after each run: on ext4 without a journal, creating files
    // right after thousands were deleted makes the kernel scan past the recently freed inodes, which would charge
    // the next run for the previous run's clean-up.
    private static string NewDirectory(string root) => Path.Combine(root, Guid.NewGuid().ToString("N"));

    /// <summary>The 1-minute load average, to print next to the figures of a shared machine ("n/a" where there is none).</summary>
    private static class LoadAverage
    {
        public static string Now =>
            File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
    }
}
