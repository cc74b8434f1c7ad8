using System.Diagnostics;
using ActorTrader.Streams;

namespace ActorTrader.Benchmarks.Ingest;

/// <summary>
/// End-to-end ingestion: synthetic provider → IngestionActor's stream (freshness, parallel fetch, toxic/OHLC/timestamp
/// validation, strict health on the NYSE calendar, batched writes) → ParquetBarStore in a temp directory.
/// ingest_bars_per_s: bars written per second, baseline the same bars through a sequential loop without the stream,
/// alternated in the same run. ingest_peak_working_set_mb_N / ingest_peak_managed_mb_N: the process's peak working set
/// and managed heap while ingesting N symbols, baseline the same peak at the smallest N, so the ratio shows whether
/// memory grows with the symbol count (target: under 1 GB, ratio ≤ 1.25).
/// </summary>
internal sealed class IngestBenchmarkSuite : IBenchmarkSuite
{
    public string Name => "ingest";

    public string Description => "end-to-end ingestion of 1000 synthetic symbols x 10 years of daily bars into the lakehouse (vs a sequential loop without the stream); peak memory at 1000 and 5000 symbols";

    public async Task<IReadOnlyList<BenchmarkFigure>> RunAsync(BenchmarkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sizes = IngestSuiteSizes.For(options);
        var root = Path.Combine(Path.GetTempPath(), "actortrader-ingest-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        await using var system = ActorSystem.Create("ingest-bench", new ActorSystemSetup { RunCoordinatedShutdownOnSignals = false });
        var materializer = system.Materializer();
        try
        {
            var figures = new List<BenchmarkFigure>();
            var workload = new IngestWorkload(sizes.Symbols, sizes.Years);
            Console.Error.Write($"ingest: throughput, {workload.Describe} ... ");
            var started = Stopwatch.GetTimestamp();
            var (stream, sequential) = await Sampling.Alternating(sizes.Warmups, TimeSpan.Zero, sizes.Iterations,
                () => Rate(root, dir => workload.RunStreamAsync(dir, system, materializer)),
                () => Rate(root, workload.RunSequentialAsync));
            Console.Error.WriteLine($"done in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
            figures.Add(new BenchmarkFigure("ingest_bars_per_s", "bars/s", stream, sequential, Better.Higher, Statistic.Best,
                Target: 1_000_000, TargetRatio: null,
                Workload: $"{workload.Describe}, end to end into a fresh lakehouse (parallelism {IngestWorkload.Settings.Parallelism}, write batches of {IngestWorkload.Settings.WriteBatchSize} symbols), {Environment.ProcessorCount} cores",
                BaselineKind: "the same bars fetched, validated, health-checked and written in one sequential loop without the stream"));

            var peaks = new List<(int Symbols, double WorkingSetMb, double ManagedMb)>();
            foreach (var count in sizes.MemorySymbolCounts)
            {
                Console.Error.Write($"ingest: peak memory at {count:N0} symbols x {sizes.MemoryYears} years ... ");
                started = Stopwatch.GetTimestamp();
                var memoryWorkload = new IngestWorkload(count, sizes.MemoryYears);
                Sampling.FullCollect();
                var (workingSet, managed, _) = await PeakMemory.WhileRunning(() => InFreshDirectory(root, dir => memoryWorkload.RunStreamAsync(dir, system, materializer)));
                peaks.Add((count, workingSet / 1e6, managed / 1e6));
                Console.Error.WriteLine($"done in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
            }
            var smallest = peaks[0];
            foreach (var peak in peaks)
            {
                var what = $"{peak.Symbols:N0} symbols x {sizes.MemoryYears} years of daily synthetic bars through the stream, sampled every 5 ms";
                var baselineKind = $"the same peak at {smallest.Symbols:N0} symbols (ratio 1 = flat in the symbol count)";
                figures.Add(new BenchmarkFigure($"ingest_peak_working_set_mb_{peak.Symbols}", "MB", new SampleSet([peak.WorkingSetMb]), new SampleSet([smallest.WorkingSetMb]),
                    Better.Lower, Statistic.Median, Target: 1000, TargetRatio: 1.25, Workload: what + "; process working set", BaselineKind: baselineKind));
                figures.Add(new BenchmarkFigure($"ingest_peak_managed_mb_{peak.Symbols}", "MB", new SampleSet([peak.ManagedMb]), new SampleSet([smallest.ManagedMb]),
                    Better.Lower, Statistic.Median, Target: 1000, TargetRatio: 1.25, Workload: what + "; managed heap incl. uncollected garbage", BaselineKind: baselineKind));
            }
            return figures;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<double> Rate(string root, Func<string, Task<long>> run)
    {
        var started = Stopwatch.GetTimestamp();
        var bars = await InFreshDirectory(root, run);
        return bars / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    // Every sample writes into an empty lakehouse: a second run into the same one would (correctly) write nothing.
    private static async Task<long> InFreshDirectory(string root, Func<string, Task<long>> run)
    {
        var directory = Path.Combine(root, Guid.NewGuid().ToString("N"));
        try
        {
            return await run(directory);
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }
}
