using System.Diagnostics;
using System.Runtime;

namespace ActorTrader.Benchmarks;

/// <summary>Repeats a measurement and its baseline alternately, so noise from other tenants hits both alike.</summary>
internal static class Sampling
{
    /// <summary>
    /// Runs untimed rounds of each (JIT tiering, thread-pool growth) until both <paramref name="warmups"/> rounds
    /// and <paramref name="minWarmup"/> have passed, then <paramref name="iterations"/> rounds alternating
    /// measured and baseline, each after a full collection so neither pays for the other's garbage.
    /// Alternating matters on a shared machine: a burst of load from another tenant hits both sides.
    /// </summary>
    public static async Task<(SampleSet Measured, SampleSet Baseline)> Alternating(
        int warmups, TimeSpan minWarmup, int iterations, Func<Task<double>> measured, Func<Task<double>> baseline)
    {
        ArgumentNullException.ThrowIfNull(measured);
        ArgumentNullException.ThrowIfNull(baseline);
        var warmupStarted = Stopwatch.GetTimestamp();
        for (var i = 0; i < warmups || Stopwatch.GetElapsedTime(warmupStarted) < minWarmup; i++)
        {
            await measured();
            await baseline();
        }
        var measuredSamples = new List<double>(iterations);
        var baselineSamples = new List<double>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            FullCollect();
            measuredSamples.Add(await measured());
            FullCollect();
            baselineSamples.Add(await baseline());
        }
        return (new SampleSet(measuredSamples), new SampleSet(baselineSamples));
    }

    /// <summary>A full, blocking, compacting collection (large objects too), after finalizers have run.</summary>
    public static void FullCollect()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    }
}
