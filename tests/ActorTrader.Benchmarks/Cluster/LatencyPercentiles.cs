namespace ActorTrader.Benchmarks.Cluster;

/// <summary>p50, p99 and max of one round's latencies (nearest rank), in milliseconds.</summary>
internal sealed record LatencyPercentiles(double P50, double P99, double Max, int Count)
{
    public static LatencyPercentiles Of(IReadOnlyList<double> latencies)
    {
        ArgumentNullException.ThrowIfNull(latencies);
        if (latencies.Count == 0) throw new ArgumentException("A round needs at least one latency.", nameof(latencies));
        var sorted = latencies.Order().ToArray();
        return new LatencyPercentiles(Rank(sorted, 0.50), Rank(sorted, 0.99), sorted[^1], sorted.Length);
    }

    private static double Rank(double[] sorted, double quantile) => sorted[Math.Max(0, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
}
