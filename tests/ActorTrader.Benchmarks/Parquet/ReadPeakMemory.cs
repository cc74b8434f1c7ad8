using ActorTrader.Parquet;
using System.Diagnostics;

namespace ActorTrader.Benchmarks.Parquet;

/// <summary>
/// read_peak_managed_mb / read_peak_working_set_mb: how far the managed heap and the process working set rise
/// above their level before reading while the whole file is read row group by row group (sampled by a
/// background thread every millisecond and after each row group). Garbage not yet collected counts: it is
/// memory the process holds. Baseline: the managed bytes retained by one row group's decoded arrays
/// (ReadRowGroup(0), measured after full collections). Target: less than 2x the baseline.
/// </summary>
internal static class ReadPeakMemory
{
    public static IReadOnlyList<BenchmarkFigure> Measure(ParquetSuiteSizes sizes, string file, long expectedVolume)
    {
        var managed = new List<double>();
        var workingSet = new List<double>();
        var oneRowGroup = new List<double>();
        for (var i = 0; i < sizes.MemoryIterations; i++)
        {
            oneRowGroup.Add(OneRowGroupBytes(file));
            var (peakManaged, peakWorkingSet) = PeakWhileReading(file, sizes.Rows, expectedVolume);
            managed.Add(peakManaged);
            workingSet.Add(peakWorkingSet);
        }
        var baseline = new SampleSet(oneRowGroup.Select(b => b / 1e6));
        var workload = $"reading all {sizes.Rows:N0} rows ({(sizes.Rows + sizes.RowGroupRows - 1) / sizes.RowGroupRows} row groups of {sizes.RowGroupRows:N0}) of the file written by write_rows_per_s";
        const string baselineKind = "managed bytes retained by one row group's decoded arrays (ReadRowGroup(0))";
        return
        [
            new BenchmarkFigure("read_peak_managed_mb", "MB", new SampleSet(managed.Select(b => b / 1e6)), baseline, Better.Lower, Statistic.Median,
                Target: 2 * baseline.Median, TargetRatio: 2, Workload: workload + "; managed heap growth incl. uncollected garbage", BaselineKind: baselineKind),
            new BenchmarkFigure("read_peak_working_set_mb", "MB", new SampleSet(workingSet.Select(b => b / 1e6)), baseline, Better.Lower, Statistic.Median,
                Target: 2 * baseline.Median, TargetRatio: 2, Workload: workload + "; working-set growth", BaselineKind: baselineKind),
        ];
    }

    private static double OneRowGroupBytes(string file)
    {
        using var reader = ParquetFileReader.Open(file);
        var before = HeapBytes();
        var group = reader.ReadRowGroup(0);
        var after = HeapBytes();
        GC.KeepAlive(group);
        return after - before;
    }

    private static (double Managed, double WorkingSet) PeakWhileReading(string file, long rows, long expectedVolume)
    {
        using var process = Process.GetCurrentProcess();
        var heapBefore = HeapBytes();
        process.Refresh();
        var workingSetBefore = process.WorkingSet64;
        long peakHeap = heapBefore, peakWorkingSet = workingSetBefore;

        void Sample()
        {
            var heap = GC.GetTotalMemory(forceFullCollection: false);
            process.Refresh();
            var ws = process.WorkingSet64;
            lock (process)
            {
                peakHeap = Math.Max(peakHeap, heap);
                peakWorkingSet = Math.Max(peakWorkingSet, ws);
            }
        }

        using var stop = new ManualResetEventSlim();
        var sampler = new Thread(() =>
        {
            while (!stop.Wait(1)) Sample();
        }) { IsBackground = true, Name = "parquet-memory-sampler" };
        sampler.Start();
        try
        {
            ParquetThroughput.Read(file, rows, expectedVolume, Sample);
        }
        finally
        {
            stop.Set();
            sampler.Join();
        }
        return (peakHeap - heapBefore, peakWorkingSet - workingSetBefore);
    }

    private static long HeapBytes()
    {
        Sampling.FullCollect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
