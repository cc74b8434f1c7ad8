namespace ActorTrader.Benchmarks.Quant;

/// <summary>Workload sizes of the quant suite: asset counts × 1260 days (5 years); quick mode drops 1000 assets.</summary>
internal sealed record QuantSuiteSizes(int Warmups, TimeSpan MinWarmup, int Iterations, IReadOnlyList<int> AssetCounts, int Days)
{
    public static QuantSuiteSizes For(BenchmarkOptions options) => options.Quick ? Quick : Full;

    private static readonly QuantSuiteSizes Full = new(2, TimeSpan.FromSeconds(1), 7, [100, 500, 1000], 1260);

    private static readonly QuantSuiteSizes Quick = new(1, TimeSpan.FromSeconds(0.2), 3, [100, 500], 1260);
}
