namespace ActorTrader.Benchmarks.Orders;

/// <summary>Workload sizes of the orders suite; quick mode keeps it to well under a minute.</summary>
/// <param name="OrdersPerSample">Orders sent one after another in one latency sample (its p50 and p99 are the sample's values).</param>
/// <param name="HistoryDays">Trading days in the journal a restart recovers; with <see cref="HistoryOrdersPerDay"/> it makes the ~100k events.</param>
internal sealed record OrdersSuiteSizes(
    int Warmups,
    int LatencyIterations,
    int OrdersPerSample,
    int RestartIterations,
    int HistoryDays,
    int HistoryOrdersPerDay)
{
    public static OrdersSuiteSizes For(BenchmarkOptions options) => options.Quick ? Quick : Full;

    // 820 days x 20 orders: 16,400 orders, 6 events each (5 of the order manager, 1 of the ledger), plus 2 a day and the
    // ledger's opening: 100,041 events. Odd iteration counts keep the median a real sample.
    private static readonly OrdersSuiteSizes Full = new(
        Warmups: 1,
        LatencyIterations: 5,
        OrdersPerSample: 1_000,
        RestartIterations: 5,
        HistoryDays: 820,
        HistoryOrdersPerDay: 20);

    private static readonly OrdersSuiteSizes Quick = new(
        Warmups: 1,
        LatencyIterations: 3,
        OrdersPerSample: 200,
        RestartIterations: 3,
        HistoryDays: 820,
        HistoryOrdersPerDay: 20);
}
