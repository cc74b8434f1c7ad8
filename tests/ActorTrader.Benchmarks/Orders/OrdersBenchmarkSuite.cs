using System.Diagnostics;

namespace ActorTrader.Benchmarks.Orders;

/// <summary>
/// The trading core's figures (issue 9): signal → broker submit latency p50/p99 in process with the paper broker on a
/// durable SQLite journal (target p99 ≤ 2 ms), and node restart to trading-ready with ~100k journaled events (target
/// ≤ 2 s), each next to a raw ADO.NET (and direct broker call) baseline from the same run.
/// </summary>
internal sealed class OrdersBenchmarkSuite : IBenchmarkSuite
{
    public string Name => "orders";

    public string Description => "order manager: signal/SubmitOrder -> paper broker submit latency p50/p99, restart to trading-ready with 100k journaled events; SQLite, vs raw ADO.NET + direct broker call";

    public async Task<IReadOnlyList<BenchmarkFigure>> RunAsync(BenchmarkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sizes = OrdersSuiteSizes.For(options);
        var work = Path.Combine(Path.GetTempPath(), "actortrader-orders-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var figures = new List<BenchmarkFigure>();
            figures.AddRange(await Timed("submit latency", () => SubmitLatency.MeasureAsync(sizes, work)));
            figures.AddRange(await Timed("restart to trading-ready", () => RestartToReady.MeasureAsync(sizes, work)));
            return figures;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    // Progress goes to stderr so that stdout stays clean JSON.
    private static async Task<IReadOnlyList<BenchmarkFigure>> Timed(string what, Func<Task<IReadOnlyList<BenchmarkFigure>>> measure)
    {
        Console.Error.Write($"orders: {what} ... ");
        var started = Stopwatch.GetTimestamp();
        var figures = await measure();
        Console.Error.WriteLine($"done in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
        return figures;
    }
}
