namespace ActorTrader.Benchmarks.Ingest;

/// <summary>
/// Workload sizes of the ingest suite: <see cref="Symbols"/> × <see cref="Years"/> of daily synthetic bars for
/// throughput; peak memory at <see cref="MemorySymbolCounts"/> (the same years) to show it flat in the symbol count.
/// Full mode: 1000 symbols × 10 years (≈ 2.52M bars), memory at 1000 and 5000 symbols. Quick mode: a few seconds.
/// </summary>
internal sealed record IngestSuiteSizes(int Symbols, int Years, int Warmups, int Iterations, IReadOnlyList<int> MemorySymbolCounts, int MemoryYears)
{
    public static IngestSuiteSizes For(BenchmarkOptions options) => options.Quick ? Quick : Full;

    private static readonly IngestSuiteSizes Full = new(Symbols: 1000, Years: 10, Warmups: 1, Iterations: 3, MemorySymbolCounts: [1000, 5000], MemoryYears: 10);

    private static readonly IngestSuiteSizes Quick = new(Symbols: 200, Years: 10, Warmups: 1, Iterations: 2, MemorySymbolCounts: [200, 1000], MemoryYears: 2);
}
