using ActorTrader.Parquet;
using System.Diagnostics;

namespace ActorTrader.Benchmarks.Parquet;

/// <summary>
/// read_peak_managed_mb / read_peak_working_set_mb: how far the managed heap and the process working set rise
/// above their level before reading while the whole file is read row group by row group (sampled by a
/// background thread every millisecond and after each row group), with the scan loop the library offers for
/// whole files: ReadRowGroupInto, decoding each group into the previous group's arrays, columns in parallel.
/// The *_fresh_arrays figures read the same file with ReadRowGroup (new arrays per group): the library allocates
/// nothing beyond those arrays, but dropped groups count until the GC collects its large-object heap, so that
/// figure shows the GC's slack, not the reader's. Garbage not yet collected counts: it is memory the process
/// holds. Baseline: the managed bytes retained by one row group's decoded arrays (ReadRowGroup(0), measured
/// after full collections). Target: less than 2x the baseline.
/// </summary>
internal static class ReadPeakMemory
{
    public static IReadOnlyList<BenchmarkFigure> Measure(ParquetSuiteSizes sizes, string file, long expectedVolume)
    {
        var reusing = new Peaks();
        var fresh = new Peaks();
        var oneRowGroup = new List<double>();
        for (var i = 0; i < sizes.MemoryIterations; i++)
        {
            oneRowGroup.Add(OneRowGroupBytes(file));
            reusing.Add(PeakWhileReading(file, sizes.Rows, expectedVolume, reuseArrays: true));
            fresh.Add(PeakWhileReading(file, sizes.Rows, expectedVolume, reuseArrays: false));
        }
        var baseline = new SampleSet(oneRowGroup.Select(b => b / 1e6));
        var workload = $"reading all {sizes.Rows:N0} rows ({(sizes.Rows + sizes.RowGroupRows - 1) / sizes.RowGroupRows} row groups of {sizes.RowGroupRows:N0}) of the file written by write_rows_per_s";
        const string baselineKind = "managed bytes retained by one row group's decoded arrays (ReadRowGroup(0))";
        BenchmarkFigure Figure(string name, List<double> peaks, string what) =>
            new(name, "MB", new SampleSet(peaks.Select(b => b / 1e6)), baseline, Better.Lower, Statistic.Median,
                Target: 2 * baseline.Median, TargetRatio: 2, Workload: workload + what, BaselineKind: baselineKind);
        return
        [
            Figure("read_peak_managed_mb", reusing.Managed, " with ReadRowGroupInto; managed heap growth incl. uncollected garbage"),
            Figure("read_peak_working_set_mb", reusing.WorkingSet, " with ReadRowGroupInto; working-set growth"),
            Figure("read_peak_managed_mb_fresh_arrays", fresh.Managed, " with ReadRowGroup (new arrays per group); managed heap growth incl. uncollected garbage"),
            Figure("read_peak_working_set_mb_fresh_arrays", fresh.WorkingSet, " with ReadRowGroup (new arrays per group); working-set growth"),
        ];
    }

    private sealed class Peaks
    {
        public List<double> Managed { get; } = [];

        public List<double> WorkingSet { get; } = [];

        public void Add((double Managed, double WorkingSet) peak)
        {
            Managed.Add(peak.Managed);
            WorkingSet.Add(peak.WorkingSet);
        }
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

    private static (double Managed, double WorkingSet) PeakWhileReading(string file, long rows, long expectedVolume, bool reuseArrays)
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
            ParquetThroughput.Read(file, rows, expectedVolume, Environment.ProcessorCount, reuseArrays, Sample);
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
