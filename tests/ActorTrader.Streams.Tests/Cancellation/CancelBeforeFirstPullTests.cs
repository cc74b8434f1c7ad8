namespace ActorTrader.Streams.Tests.Cancellation;

/// <summary>
/// A stage cancelled before it was ever pulled (a kill switch already triggered) must still cancel every input it
/// has: queues behind it close, side sinks complete.
/// </summary>
public sealed class CancelBeforeFirstPullTests : StreamTestKit
{
    private static SharedKillSwitch Halted()
    {
        var shared = KillSwitches.Shared("halted");
        shared.Shutdown();
        return shared;
    }

    [Fact]
    public async Task Merge_cancelled_before_its_first_pull_closes_both_input_queues()
    {
        ISourceQueueWithComplete<int>? second = null;
        var first = Source.Queue<int>(4, OverflowStrategy.Backpressure)
            .Merge(Source.Queue<int>(4, OverflowStrategy.Backpressure).MapMaterializedValue(q => second = q))
            .Via(Halted().Flow<int>())
            .To(Sink.Ignore<int>())
            .Run(Materializer);

        await Within(first.WatchCompletionAsync());
        Assert.NotNull(second);
        await Within(second.WatchCompletionAsync());
        Assert.IsType<QueueOfferResult.QueueClosed>(await second.OfferAsync(1));
    }

    [Fact]
    public async Task Source_Merge_cancelled_before_its_first_pull_closes_every_input_queue()
    {
        var queues = Source.Merge(Enumerable.Range(0, 3).Select(_ => Source.Queue<int>(4, OverflowStrategy.Backpressure)))
            .Via(Halted().Flow<int>())
            .To(Sink.Ignore<int>())
            .Run(Materializer);

        await Within(Task.WhenAll(queues.Select(q => q.WatchCompletionAsync())));
    }

    [Fact]
    public async Task A_kill_switch_cancelled_before_its_first_pull_closes_the_queue_behind_it()
    {
        var queue = Source.Queue<int>(4, OverflowStrategy.Backpressure)
            .ViaMaterialized(KillSwitches.Single<int>(), Keep.Left)
            .Via(Halted().Flow<int>())
            .To(Sink.Ignore<int>())
            .Run(Materializer);

        await Within(queue.WatchCompletionAsync());
    }

    [Fact]
    public async Task AlsoTo_cancelled_before_its_first_pull_completes_its_side_sink()
    {
        var side = Source.Queue<int>(4, OverflowStrategy.Backpressure)
            .AlsoToMaterialized(Sink.Seq<int>(), Keep.Right)
            .Via(Halted().Flow<int>())
            .To(Sink.Ignore<int>())
            .Run(Materializer);

        Assert.Empty(await Within(side));
    }
}
