namespace ActorTrader.Benchmarks.Parquet;

/// <summary>Workload sizes of the parquet suite: 10 million bar rows in full mode, 1 million in quick mode.</summary>
internal sealed record ParquetSuiteSizes(int Rows, int RowGroupRows, int Warmups, int Iterations, int MemoryIterations)
{
    public static ParquetSuiteSizes For(BenchmarkOptions options) => options.Quick ? Quick : Full;

    // Row groups of 1 million rows: the size a bars lakehouse would use; quick mode keeps four groups per file.
    private static readonly ParquetSuiteSizes Full = new(Rows: 10_000_000, RowGroupRows: 1_000_000, Warmups: 1, Iterations: 5, MemoryIterations: 3);

    private static readonly ParquetSuiteSizes Quick = new(Rows: 1_000_000, RowGroupRows: 250_000, Warmups: 1, Iterations: 3, MemoryIterations: 1);
}
