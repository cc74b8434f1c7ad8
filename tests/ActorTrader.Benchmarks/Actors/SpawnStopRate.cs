using System.Diagnostics;
using System.Threading.Channels;

namespace ActorTrader.Benchmarks.Actors;

/// <summary>
/// spawn_stop_rate: a parent actor creates N children (Context.ActorOf), watches and stops them all, and
/// the clock stops when it has received N <see cref="Terminated"/>. Counted: actors created and stopped per second.
/// Baseline: N task "actors", each an unbounded channel plus a Task.Run reading loop; all are started,
/// then every channel is completed, and the clock stops when all N tasks have finished.
/// </summary>
internal static class SpawnStopRate
{
    public static async Task<BenchmarkFigure> MeasureAsync(ActorSuiteSizes sizes)
    {
        var count = sizes.SpawnStopCount;
        var system = BenchmarkSystem.Create();
        try
        {
            var parent = system.ActorOf(Props.Create(() => new SpawnStopParent()), "parent");
            var (actors, baseline) = await Sampling.Alternating(
                sizes.Warmups,
                sizes.MinWarmup,
                sizes.Iterations,
                async () => count / (await SpawnStopActorsAsync(parent, count)).TotalSeconds,
                async () => count / (await StartStopTasksAsync(count)).TotalSeconds);

            return new BenchmarkFigure(
                "spawn_stop_rate", "actors/s", actors, baseline, Better.Higher, Statistic.Best,
                Target: 100_000, TargetRatio: null,
                Workload: $"{count:N0} children of one parent created, watched and stopped, until all Terminated arrived",
                BaselineKind: "Channel<object> + Task.Run reading loop each, started then completed");
        }
        finally
        {
            await system.Terminate();
        }
    }

    private static async Task<TimeSpan> SpawnStopActorsAsync(IActorRef parent, int count)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = Stopwatch.GetTimestamp();
        parent.Tell(new SpawnStopParent.Run(count, done), ActorRefs.NoSender);
        await done.Task;
        return Stopwatch.GetElapsedTime(started);
    }

    private static async Task<TimeSpan> StartStopTasksAsync(int count)
    {
        var channels = new Channel<object>[count];
        var loops = new Task[count];
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var reader = (channels[i] = BaselineChannel.Create()).Reader;
            loops[i] = Task.Run(() => ReadUntilCompletedAsync(reader));
        }
        foreach (var channel in channels) channel.Writer.Complete();
        await Task.WhenAll(loops);
        return Stopwatch.GetElapsedTime(started);
    }

    private static async Task ReadUntilCompletedAsync(ChannelReader<object> reader)
    {
        while (await reader.WaitToReadAsync())
        {
            while (reader.TryRead(out _)) { }
        }
    }
}
