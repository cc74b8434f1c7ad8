using System.Threading.Channels;

namespace ActorTrader.Benchmarks.Actors;

/// <summary>
/// idle_actor_bytes: managed heap retained per idle actor. N children of one parent are created and
/// all have run PreStart; the heap is measured after full compacting collections, before and after.
/// The arrays holding the references are allocated before the first measurement, so they are not counted.
/// Baseline: one unbounded Channel&lt;object&gt; per equivalent (no task), measured the same way.
/// idle_actor_bytes_after_message: the same, but every actor has handled one message before it went
/// idle (what a mailbox keeps after use counts too); baseline channels have passed one item each.
/// </summary>
internal static class IdleActorBytes
{
    public static Task<BenchmarkFigure> MeasureAsync(ActorSuiteSizes sizes) => MeasureAsync(sizes, afterMessage: false);

    public static Task<BenchmarkFigure> MeasureAfterMessageAsync(ActorSuiteSizes sizes) => MeasureAsync(sizes, afterMessage: true);

    private static async Task<BenchmarkFigure> MeasureAsync(ActorSuiteSizes sizes, bool afterMessage)
    {
        var count = sizes.IdleActorCount;
        var system = BenchmarkSystem.Create();
        try
        {
            // Warm-up at full size: JIT, one-time statics and the thread pool's work queues (which grow
            // to hold N queued mailboxes and never shrink) must not count as per-actor memory.
            await ActorBytesAsync(system, count, afterMessage);
            ChannelBytes(count, afterMessage);

            var actorSamples = new List<double>();
            var channelSamples = new List<double>();
            for (var i = 0; i < sizes.IdleIterations; i++)
            {
                actorSamples.Add(await ActorBytesAsync(system, count, afterMessage));
                channelSamples.Add(ChannelBytes(count, afterMessage));
            }

            return new BenchmarkFigure(
                afterMessage ? "idle_actor_bytes_after_message" : "idle_actor_bytes", "bytes", new SampleSet(actorSamples), new SampleSet(channelSamples), Better.Lower, Statistic.Median,
                Target: 1024, TargetRatio: null,
                Workload: $"{count:N0} started idle children of one parent{(afterMessage ? ", each after handling one message" : "")}; growth of the heap after full GCs, per actor",
                BaselineKind: afterMessage ? "one unbounded Channel<object> per actor that passed one item, no task" : "one unbounded Channel<object> per actor, no task");
        }
        finally
        {
            await system.Terminate();
        }
    }

    private static async Task<double> ActorBytesAsync(ActorSystem system, int count, bool afterMessage)
    {
        var children = new IActorRef[count];
        var started = new AsyncCountdown(count);
        var spawn = new IdleParent.Spawn(children, started);
        var parent = system.ActorOf(Props.Create(() => new IdleParent()));
        // The parent runs its constructor before the first measurement: only the children are counted.
        await parent.Ask<ActorIdentity>(new Identify(null), TimeSpan.FromSeconds(10));

        var before = HeapBytes();
        parent.Tell(spawn, ActorRefs.NoSender);
        await started.WhenZero;
        if (afterMessage)
        {
            var touched = new AsyncCountdown(count);
            var touch = new IdleActor.Touch(touched);
            foreach (var child in children) child.Tell(touch, ActorRefs.NoSender);
            await touched.WhenZero;
        }
        var after = HeapBytes();

        GC.KeepAlive(children);
        GC.KeepAlive(spawn);
        if (!await parent.GracefulStop(TimeSpan.FromSeconds(60)))
            throw new InvalidOperationException($"The parent of {count:N0} idle actors did not stop within 60 s.");
        return (after - before) / (double)count;
    }

    private static double ChannelBytes(int count, bool afterMessage)
    {
        var channels = new Channel<object>[count];
        var before = HeapBytes();
        for (var i = 0; i < count; i++)
        {
            channels[i] = BaselineChannel.Create();
            if (!afterMessage) continue;
            channels[i].Writer.TryWrite(Ping.Instance);
            channels[i].Reader.TryRead(out _);
        }
        var after = HeapBytes();
        GC.KeepAlive(channels);
        return (after - before) / (double)count;
    }

    private static long HeapBytes()
    {
        Sampling.FullCollect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
