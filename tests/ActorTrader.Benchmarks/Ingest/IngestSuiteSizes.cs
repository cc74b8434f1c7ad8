namespace ActorTrader.Benchmarks.Ingest;

/// <summary>
/// Workload sizes of the ingest suite: <see cref="Symbols"/> × <see cref="Years"/> of daily synthetic bars for
/// throughput; peak memory at <see cref="MemorySymbolCounts"/> × <see cref="MemoryYears"/>, each measured
/// <see cref="MemoryRuns"/> times in a fresh process (the median is reported: a peak depends on when the GC happens to run).
/// Full mode: 1000 symbols × 10 years (≈ 2.52M bars), memory at 1000 and 5000 symbols × 10 years. Quick mode: a few
/// seconds; its memory runs stay large enough (1000 and 3000 symbols) for the GC to reach its steady state, which a
/// run of a couple of hundred symbols ends before, so the ratio is not flattered by a short first run.
/// </summary>
internal sealed record IngestSuiteSizes(int Symbols, int Years, int Warmups, int Iterations, IReadOnlyList<int> MemorySymbolCounts, int MemoryYears, int MemoryRuns)
{
    public static IngestSuiteSizes For(BenchmarkOptions options) => options.Quick ? Quick : Full;

    private static readonly IngestSuiteSizes Full = new(Symbols: 1000, Years: 10, Warmups: 1, Iterations: 3, MemorySymbolCounts: [1000, 5000], MemoryYears: 10, MemoryRuns: 3);

    private static readonly IngestSuiteSizes Quick = new(Symbols: 200, Years: 10, Warmups: 1, Iterations: 2, MemorySymbolCounts: [1000, 3000], MemoryYears: 2, MemoryRuns: 1);
}
