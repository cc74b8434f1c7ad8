namespace ActorTrader.Benchmarks.Backtest;

/// <summary>Workload sizes of the backtest suite: 500 symbols × 2520 daily bars (10 years); quick mode samples fewer rounds.</summary>
internal sealed record BacktestSuiteSizes(int Warmups, TimeSpan MinWarmup, int Iterations, int Symbols, int Bars)
{
    public static BacktestSuiteSizes For(BenchmarkOptions options) => options.Quick ? Quick : Full;

    private static readonly BacktestSuiteSizes Full = new(2, TimeSpan.FromSeconds(1), 7, 500, 2520);

    private static readonly BacktestSuiteSizes Quick = new(1, TimeSpan.FromSeconds(0.2), 3, 500, 2520);
}
