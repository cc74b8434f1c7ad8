using ActorTrader.Parquet;
using System.Diagnostics;

namespace ActorTrader.Benchmarks.Parquet;

/// <summary>
/// write_*: the bars table, already in memory as row-group columns, written to a snappy Parquet file
/// (ParquetFileWriter, Complete included, which fsyncs) vs DuckDB's COPY of the same table from memory.
/// read_*: the file we wrote, every column of every row decoded and summed (ReadRowGroupInto per group, reusing
/// the previous group's arrays: the scan loop the library offers for whole files) vs DuckDB reading the same file
/// with one sum per column. Each is measured twice, alternating with the baseline each time: both sides at their
/// default parallelism (ours: MaxDegreeOfParallelism = ProcessorCount, DuckDB: one thread per core) and both on one
/// thread (the *_1_thread figures). MB/s counts plain value bytes (8 per number, 4 per symbol), the same for both
/// sides, so its ratio equals the rows/s ratio.
/// file_size: bytes of our file vs DuckDB's file of the same table.
/// Without DuckDB the baseline is <see cref="RawBinaryBaseline"/>: the same arrays written raw, read back and summed,
/// and file_size compares with their raw size; each figure's BaselineKind says which ran.
/// </summary>
internal static class ParquetThroughput
{
    public static async Task<IReadOnlyList<BenchmarkFigure>> MeasureAsync(ParquetSuiteSizes sizes, IParquetBaseline baseline, string directory, string ourFile)
    {
        var workload = $"{sizes.Rows:N0} bars x 7 columns (timestamp, symbol, 4 doubles, volume), row groups of {sizes.RowGroupRows:N0}, snappy";
        var ourThreads = Environment.ProcessorCount;
        var figures = new List<BenchmarkFigure>();

        IReadOnlyList<IReadOnlyList<ParquetColumn>>? table = BarsTable.RowGroups(sizes.Rows, sizes.RowGroupRows);
        long baselineBytes = 0;
        var baselineThreads = 0;
        var writeDefault = new Samples(sizes.Iterations);
        await Sampling.Alternating(
            sizes.Warmups, TimeSpan.Zero, sizes.Iterations,
            () => Task.FromResult(writeDefault.AddMeasured(sizes.Rows / Write(ourFile, table, ourThreads).TotalSeconds)),
            async () =>
            {
                var (seconds, bytes, threads) = await baseline.WriteAsync(directory, table, sizes.Rows, sizes.RowGroupRows, threads: null);
                (baselineBytes, baselineThreads) = (bytes, threads);
                return writeDefault.AddBaseline(sizes.Rows / seconds);
            });
        var writeOne = new Samples(sizes.Iterations);
        await Sampling.Alternating(
            sizes.Warmups, TimeSpan.Zero, sizes.Iterations,
            () => Task.FromResult(writeOne.AddMeasured(sizes.Rows / Write(ourFile, table, 1).TotalSeconds)),
            async () => writeOne.AddBaseline(sizes.Rows / (await baseline.WriteAsync(directory, table, sizes.Rows, sizes.RowGroupRows, threads: 1)).Seconds));
        table = null; // about 0.5 GB in full mode; the read figures should not run beside it

        var writeDefaultKind = $"{baseline.DescribeWrite(baselineThreads, defaultThreads: true)}; ours with MaxDegreeOfParallelism {ourThreads}";
        figures.Add(Throughput("write_rows_per_s", "rows/s", writeDefault, 1, 2_000_000, workload, writeDefaultKind));
        figures.Add(Throughput("write_mb_per_s", "MB/s", writeDefault, BarsTable.LogicalBytesPerRow / 1e6, 100, workload, writeDefaultKind));
        figures.Add(Throughput("write_rows_per_s_1_thread", "rows/s", writeOne, 1, 2_000_000, workload, $"{baseline.DescribeWrite(1, defaultThreads: false)}; ours with MaxDegreeOfParallelism 1"));

        var ourBytes = new FileInfo(ourFile).Length;
        figures.Add(new BenchmarkFigure(
            "file_size_mb", "MB", new SampleSet([ourBytes / 1e6]), new SampleSet([baselineBytes / 1e6]), Better.Lower, Statistic.Median,
            Target: BarsTable.LogicalBytesPerRow * (double)sizes.Rows / 1e6, TargetRatio: 1.25,
            Workload: workload + "; target: smaller than the plain values", BaselineKind: baseline.FileSizeKind));

        var expectedVolume = ExpectedVolume(sizes.Rows);
        Sampling.FullCollect();
        var readDefault = await MeasureReadAsync(sizes, baseline, directory, ourFile, expectedVolume, ourThreads, baselineThreads: null);
        var readOne = await MeasureReadAsync(sizes, baseline, directory, ourFile, expectedVolume, 1, baselineThreads: 1);
        var readWorkload = workload + "; every value decoded and summed";
        var readDefaultKind = $"{baseline.DescribeRead(baselineThreads, defaultThreads: true)}; ours with MaxDegreeOfParallelism {ourThreads}";
        figures.Add(Throughput("read_rows_per_s", "rows/s", readDefault, 1, 5_000_000, readWorkload, readDefaultKind));
        figures.Add(Throughput("read_mb_per_s", "MB/s", readDefault, BarsTable.LogicalBytesPerRow / 1e6, 250, readWorkload, readDefaultKind));
        figures.Add(Throughput("read_rows_per_s_1_thread", "rows/s", readOne, 1, 5_000_000, readWorkload, $"{baseline.DescribeRead(1, defaultThreads: false)}; ours with MaxDegreeOfParallelism 1"));
        return figures;
    }

    private static async Task<Samples> MeasureReadAsync(ParquetSuiteSizes sizes, IParquetBaseline baseline, string directory, string ourFile, long expectedVolume, int ourThreads, int? baselineThreads)
    {
        var read = new Samples(sizes.Iterations);
        await Sampling.Alternating(
            sizes.Warmups, TimeSpan.Zero, sizes.Iterations,
            () => Task.FromResult(read.AddMeasured(sizes.Rows / Read(ourFile, sizes.Rows, expectedVolume, ourThreads, reuseArrays: true).TotalSeconds)),
            async () =>
            {
                var (seconds, rows, volume, _) = await baseline.ReadAsync(directory, ourFile, baselineThreads);
                if (rows != sizes.Rows || volume != expectedVolume)
                    throw new InvalidOperationException($"The {baseline.GetType().Name} read {rows:N0} rows with volume sum {volume:N0} from {ourFile}; expected {sizes.Rows:N0} and {expectedVolume:N0}.");
                return read.AddBaseline(sizes.Rows / seconds);
            });
        return read;
    }

    private static BenchmarkFigure Throughput(string name, string unit, Samples rowsPerSecond, double scale, double target, string workload, string baselineKind) =>
        new(name, unit, rowsPerSecond.Measured(scale), rowsPerSecond.Baseline(scale), Better.Higher, Statistic.Best,
            Target: target, TargetRatio: 0.5, Workload: workload, BaselineKind: baselineKind);

    /// <summary>The timed rounds of both sides (warm-up rounds dropped), so rows/s and MB/s come from the same rounds.</summary>
    private sealed class Samples(int iterations)
    {
        private readonly List<double> _measured = [];
        private readonly List<double> _baseline = [];

        public double AddMeasured(double value)
        {
            _measured.Add(value);
            return value;
        }

        public double AddBaseline(double value)
        {
            _baseline.Add(value);
            return value;
        }

        public SampleSet Measured(double scale) => new(_measured.TakeLast(iterations).Select(v => v * scale));

        public SampleSet Baseline(double scale) => new(_baseline.TakeLast(iterations).Select(v => v * scale));
    }

    private static TimeSpan Write(string path, IReadOnlyList<IReadOnlyList<ParquetColumn>>? table, int parallelism)
    {
        ArgumentNullException.ThrowIfNull(table);
        var started = Stopwatch.GetTimestamp();
        var options = new ParquetWriterOptions { Compression = ParquetCompression.Snappy, MaxDegreeOfParallelism = parallelism };
        using (var writer = ParquetFileWriter.Create(path, BarsTable.Schema, options))
        {
            foreach (var group in table) writer.WriteRowGroup(group);
            writer.Complete();
        }
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>
    /// Reads every column of every row group and sums it, as DuckDB's query does; checks the row count and volume sum.
    /// With <paramref name="reuseArrays"/> each group is decoded into the previous group's arrays (ReadRowGroupInto),
    /// otherwise into new arrays (ReadRowGroup).
    /// </summary>
    public static TimeSpan Read(string path, long expectedRows, long expectedVolume, int parallelism, bool reuseArrays, Action? afterRowGroup = null)
    {
        var started = Stopwatch.GetTimestamp();
        long rows = 0, ticks = 0, symbolChars = 0, volume = 0;
        double prices = 0;
        var options = new ParquetReadOptions { MaxDegreeOfParallelism = parallelism };
        using (var reader = ParquetFileReader.Open(path))
        {
            IReadOnlyList<ParquetColumn> columns = [];
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                columns = reuseArrays ? reader.ReadRowGroupInto(g, columns, options) : reader.ReadRowGroup(g, options);
                foreach (var t in (DateTime[])columns[0].Values) ticks += t.Ticks;
                foreach (var s in (string[])columns[1].Values) symbolChars += s.Length;
                for (var c = 2; c <= 5; c++)
                {
                    foreach (var p in (double[])columns[c].Values) prices += p;
                }
                foreach (var v in (long[])columns[6].Values) volume += v;
                rows += columns[0].Count;
                afterRowGroup?.Invoke();
            }
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (rows != expectedRows || volume != expectedVolume || symbolChars != 4 * expectedRows)
            throw new InvalidOperationException($"Read {rows:N0} rows, volume sum {volume:N0}, {symbolChars:N0} symbol chars from {path}; expected {expectedRows:N0}, {expectedVolume:N0}, {4 * expectedRows:N0}.");
        GC.KeepAlive(ticks);
        GC.KeepAlive(prices);
        return elapsed;
    }

    public static long ExpectedVolume(long rows)
    {
        long sum = 0;
        for (long i = 0; i < rows; i++) sum += 100 + (i * 31) % 100_000;
        return sum;
    }
}
