namespace ActorTrader.Benchmarks.Parquet;

/// <summary>
/// ActorTrader.Parquet's figures: write and read throughput of a bars table, file size and peak read memory, against
/// DuckDB; when DuckDB cannot be installed or started (no node/npm, npm ci fails), against a raw binary writer/reader
/// of the same arrays instead (see <see cref="ParquetBaselineChoice"/>).
/// Environment: ACTORTRADER_BENCH_NO_DUCKDB=1 forces the raw binary baseline, to exercise the fallback here.
/// </summary>
internal sealed class ParquetBenchmarkSuite : IBenchmarkSuite
{
    public string Name => "parquet";

    public string Description => "write/read throughput of a 10M-row bars table, file size, peak read memory (vs DuckDB at default and 1 thread, one row group; raw binary writer/reader if DuckDB cannot run or ACTORTRADER_BENCH_NO_DUCKDB=1)";

    public async Task<IReadOnlyList<BenchmarkFigure>> RunAsync(BenchmarkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sizes = ParquetSuiteSizes.For(options);
        var directory = Path.Combine(Path.GetTempPath(), "actortrader-parquet-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var baseline = await ParquetBaselineChoice.ChooseAsync(directory);
            var ourFile = Path.Combine(directory, "actortrader.parquet");
            var figures = new List<BenchmarkFigure>();
            Console.Error.Write($"parquet: throughput over {sizes.Rows:N0} rows ... ");
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            figures.AddRange(await ParquetThroughput.MeasureAsync(sizes, baseline, directory, ourFile));
            Console.Error.WriteLine($"done in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");

            Console.Error.Write("parquet: peak memory while reading ... ");
            started = System.Diagnostics.Stopwatch.GetTimestamp();
            figures.AddRange(ReadPeakMemory.Measure(sizes, ourFile, ParquetThroughput.ExpectedVolume(sizes.Rows)));
            Console.Error.WriteLine($"done in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
            return figures;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
