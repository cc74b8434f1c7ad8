namespace ActorTrader.Benchmarks.Research;

/// <summary>
/// Workload of the research suite: the planted market of 100 symbols × 10 years (2520 daily bars) and a population of
/// 100 genomes in full mode; quick mode evaluates 10 genomes of the same market once.
/// </summary>
internal sealed record ResearchSuiteSizes(int Warmups, TimeSpan MinWarmup, int Iterations, int Population, int Symbols, int Years)
{
    public static ResearchSuiteSizes For(BenchmarkOptions options) => options.Quick ? Quick : Full;

    private static readonly ResearchSuiteSizes Full = new(1, TimeSpan.Zero, 3, 100, 100, 10);

    private static readonly ResearchSuiteSizes Quick = new(0, TimeSpan.Zero, 1, 10, 100, 10);
}
