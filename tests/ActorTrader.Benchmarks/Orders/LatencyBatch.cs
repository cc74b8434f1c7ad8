namespace ActorTrader.Benchmarks.Orders;

/// <summary>The latencies of one sample's orders (milliseconds), and their percentiles by nearest rank.</summary>
internal sealed class LatencyBatch
{
    private readonly double[] _sorted;

    public LatencyBatch(IEnumerable<double> milliseconds)
    {
        ArgumentNullException.ThrowIfNull(milliseconds);
        _sorted = [.. milliseconds.Order()];
        if (_sorted.Length == 0) throw new ArgumentException("A latency batch needs at least one order.", nameof(milliseconds));
    }

    public double P50 => Percentile(0.50);

    public double P99 => Percentile(0.99);

    public double Percentile(double p) => _sorted[Math.Clamp((int)Math.Ceiling(p * _sorted.Length) - 1, 0, _sorted.Length - 1)];
}
