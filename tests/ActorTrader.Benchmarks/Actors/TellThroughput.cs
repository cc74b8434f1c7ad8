using System.Diagnostics;
using System.Threading.Channels;

namespace ActorTrader.Benchmarks.Actors;

/// <summary>
/// tell_throughput: one client/echo pair per core, each with a burst of messages in flight (Akka.NET's
/// PingPong). Counted: every message delivered, in both directions (2 per round trip), for actors and baseline alike.
/// Baseline: the same pairs as two tasks over two unbounded channels, with the same burst and message count.
/// </summary>
internal static class TellThroughput
{
    public static async Task<BenchmarkFigure> MeasureAsync(ActorSuiteSizes sizes)
    {
        var pairs = Environment.ProcessorCount;
        var roundTrips = sizes.TellRoundTripsPerPair;
        var messages = 2.0 * pairs * roundTrips;

        var system = BenchmarkSystem.Create();
        try
        {
            var clients = Enumerable.Range(0, pairs)
                .Select(i =>
                {
                    var echo = system.ActorOf(Props.Create(() => new EchoActor()), $"echo-{i}");
                    return system.ActorOf(Props.Create(() => new PingPongClient(echo)), $"client-{i}");
                })
                .ToArray();

            var (actors, baseline) = await Sampling.Alternating(
                sizes.Warmups,
                sizes.MinWarmup,
                sizes.Iterations,
                async () => messages / (await RunActorsAsync(clients, roundTrips, sizes.TellBurst)).TotalSeconds,
                async () => messages / (await RunChannelsAsync(pairs, roundTrips, sizes.TellBurst)).TotalSeconds);

            return new BenchmarkFigure(
                "tell_throughput", "msg/s", actors, baseline, Better.Higher, Statistic.Best,
                Target: 10_000_000, TargetRatio: 0.5,
                Workload: $"{pairs} pairs x {roundTrips:N0} round trips, {sizes.TellBurst} in flight per pair; messages in both directions counted",
                BaselineKind: "task pairs over unbounded Channel<object>, same burst and count");
        }
        finally
        {
            await system.Terminate();
        }
    }

    private static async Task<TimeSpan> RunActorsAsync(IActorRef[] clients, long roundTrips, int burst)
    {
        var runs = clients.Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < clients.Length; i++) clients[i].Tell(new PingPongClient.Run(roundTrips, burst, runs[i]), ActorRefs.NoSender);
        await Task.WhenAll(runs.Select(r => r.Task));
        return Stopwatch.GetElapsedTime(started);
    }

    private static async Task<TimeSpan> RunChannelsAsync(int pairs, long roundTrips, int burst)
    {
        var requests = Enumerable.Range(0, pairs).Select(_ => BaselineChannel.Create()).ToArray();
        var replies = Enumerable.Range(0, pairs).Select(_ => BaselineChannel.Create()).ToArray();
        // Echo tasks wait before the clock starts, as the echo actors do.
        var echoes = Enumerable.Range(0, pairs).Select(i => Task.Run(() => EchoAsync(requests[i].Reader, replies[i].Writer))).ToArray();

        var started = Stopwatch.GetTimestamp();
        var clients = Enumerable.Range(0, pairs).Select(i => Task.Run(() => ClientAsync(requests[i].Writer, replies[i].Reader, roundTrips, burst))).ToArray();
        await Task.WhenAll(clients);
        var elapsed = Stopwatch.GetElapsedTime(started);

        foreach (var request in requests) request.Writer.Complete();
        await Task.WhenAll(echoes);
        return elapsed;
    }

    private static async Task ClientAsync(ChannelWriter<object> echo, ChannelReader<object> replies, long roundTrips, int burst)
    {
        var toSend = roundTrips;
        var toReceive = roundTrips;
        for (var i = 0; i < burst && toSend > 0; i++, toSend--) echo.TryWrite(Ping.Instance);
        while (toReceive > 0)
        {
            // Drain what is there, then wait: the channel equivalent of a mailbox turn.
            if (!replies.TryRead(out _))
            {
                await replies.WaitToReadAsync();
                continue;
            }
            if (toSend > 0)
            {
                toSend--;
                echo.TryWrite(Ping.Instance);
            }
            toReceive--;
        }
    }

    private static async Task EchoAsync(ChannelReader<object> requests, ChannelWriter<object> replies)
    {
        while (await requests.WaitToReadAsync())
        {
            while (requests.TryRead(out var message)) replies.TryWrite(message);
        }
    }
}
