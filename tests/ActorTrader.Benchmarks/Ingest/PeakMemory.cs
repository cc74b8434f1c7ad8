using System.Diagnostics;

namespace ActorTrader.Benchmarks.Ingest;

/// <summary>
/// Samples the process working set and managed heap every few milliseconds on a background thread while an action runs;
/// returns the peaks in bytes. The working-set peak is also taken from the operating system's own high-water mark
/// (VmHWM on Linux), which catches spikes between samples; it covers the whole process lifetime, so use it in a
/// process started for the measurement.
/// </summary>
internal static class PeakMemory
{
    public static async Task<(long WorkingSet, long Managed, T Result)> WhileRunning<T>(Func<Task<T>> action)
    {
        using var process = Process.GetCurrentProcess();
        long peakWorkingSet = 0, peakManaged = 0;
        var gate = new object();
        void Sample()
        {
            process.Refresh();
            var ws = process.WorkingSet64;
            var heap = GC.GetTotalMemory(forceFullCollection: false);
            lock (gate)
            {
                peakWorkingSet = Math.Max(peakWorkingSet, ws);
                peakManaged = Math.Max(peakManaged, heap);
            }
        }
        using var stop = new ManualResetEventSlim();
        var sampler = new Thread(() =>
        {
            while (!stop.Wait(5)) Sample();
        }) { IsBackground = true, Name = "ingest-memory-sampler" };
        Sample();
        sampler.Start();
        T result;
        try
        {
            result = await action();
        }
        finally
        {
            stop.Set();
            sampler.Join();
        }
        Sample();
        process.Refresh();
        return (Math.Max(peakWorkingSet, process.PeakWorkingSet64), peakManaged, result);
    }
}
