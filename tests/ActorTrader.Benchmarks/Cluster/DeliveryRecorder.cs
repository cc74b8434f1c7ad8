using System.Collections.Concurrent;

namespace ActorTrader.Benchmarks.Cluster;

/// <summary>
/// When each node first received each command id (Stopwatch ticks), and a count of first deliveries to wait on.
/// A redelivery (the bus is at-least-once) keeps the first time.
/// </summary>
internal sealed class DeliveryRecorder : IDisposable
{
    private readonly ConcurrentDictionary<(string Node, long Id), long> _received = new();
    private readonly SemaphoreSlim _deliveries = new(0);

    public void Record(string node, long id, long timestamp)
    {
        if (_received.TryAdd((node, id), timestamp)) _deliveries.Release();
    }

    /// <summary>Waits for <paramref name="count"/> more first deliveries; throws naming what is missing when <paramref name="patience"/> passes.</summary>
    public async Task AwaitAsync(int count, TimeSpan patience, string what)
    {
        using var timeout = new CancellationTokenSource(patience);
        for (var i = 0; i < count; i++)
        {
            try
            {
                await _deliveries.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{what}: only {i} of {count} deliveries arrived within {patience}. Fix: check that the PostgreSQL server is reachable and not overloaded.");
            }
        }
    }

    /// <summary>Milliseconds from each start to each node's delivery of that id; every (node, id) must have arrived.</summary>
    public IReadOnlyList<double> LatenciesMs(IReadOnlyDictionary<long, long> starts, IReadOnlyList<string> nodes)
    {
        var latencies = new List<double>(starts.Count * nodes.Count);
        foreach (var (id, start) in starts)
        {
            foreach (var node in nodes)
            {
                if (!_received.TryGetValue((node, id), out var received))
                    throw new InvalidOperationException($"Node {node} never received command {id}.");
                latencies.Add(TicksToMs(received - start));
            }
        }
        return latencies;
    }

    public void Dispose() => _deliveries.Dispose();

    private static double TicksToMs(long ticks) => ticks * 1000.0 / System.Diagnostics.Stopwatch.Frequency;
}
