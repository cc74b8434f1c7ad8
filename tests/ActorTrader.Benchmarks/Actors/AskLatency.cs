using System.Diagnostics;
using System.Threading.Channels;

namespace ActorTrader.Benchmarks.Actors;

/// <summary>
/// ask_latency: sequential <c>await echo.Ask&lt;Ping&gt;(ping, 5 s)</c> round trips, in microseconds each.
/// Baseline: a request/response round trip between two tasks over two unbounded channels (await write, await read).
/// </summary>
internal static class AskLatency
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);

    public static async Task<BenchmarkFigure> MeasureAsync(ActorSuiteSizes sizes)
    {
        var count = sizes.AskRoundTrips;
        var system = BenchmarkSystem.Create();
        try
        {
            var echo = system.ActorOf(Props.Create(() => new EchoActor()), "echo");
            var (actors, baseline) = await Sampling.Alternating(
                sizes.Warmups,
                sizes.MinWarmup,
                sizes.Iterations,
                async () => (await AskAsync(echo, count)).TotalMicroseconds / count,
                async () => (await ChannelRoundTripsAsync(count)).TotalMicroseconds / count);

            return new BenchmarkFigure(
                "ask_latency", "us", actors, baseline, Better.Lower, Statistic.Best,
                Target: 5, TargetRatio: null,
                Workload: $"mean of {count:N0} sequential round trips to an echo actor, 5 s ask timeout",
                BaselineKind: "two tasks, Channel<object> request + reply (await write, await read)");
        }
        finally
        {
            await system.Terminate();
        }
    }

    private static async Task<TimeSpan> AskAsync(IActorRef echo, int count)
    {
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++) await echo.Ask<Ping>(Ping.Instance, AskTimeout);
        return Stopwatch.GetElapsedTime(started);
    }

    private static async Task<TimeSpan> ChannelRoundTripsAsync(int count)
    {
        var requests = BaselineChannel.Create();
        var replies = BaselineChannel.Create();
        var server = Task.Run(() => ServeAsync(requests.Reader, replies.Writer));

        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            await requests.Writer.WriteAsync(Ping.Instance);
            await replies.Reader.ReadAsync();
        }
        var elapsed = Stopwatch.GetElapsedTime(started);

        requests.Writer.Complete();
        await server;
        return elapsed;
    }

    private static async Task ServeAsync(ChannelReader<object> requests, ChannelWriter<object> replies)
    {
        while (await requests.WaitToReadAsync())
        {
            while (requests.TryRead(out var request)) await replies.WriteAsync(request);
        }
    }
}
