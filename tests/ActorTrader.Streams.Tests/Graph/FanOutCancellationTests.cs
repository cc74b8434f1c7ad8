using ActorTrader.Actors;

namespace ActorTrader.Streams.Tests.Graph;

/// <summary>Cancellation through Broadcast and Partition: upstream learns when every branch has gone, even while it is idle.</summary>
public sealed class FanOutCancellationTests : StreamTestKit
{
    [Fact]
    public async Task Broadcast_cancels_an_idle_upstream_once_every_sink_has_cancelled()
    {
        var (queue, results) = Source.Queue<int>(4, OverflowStrategy.Backpressure)
            .ToMaterialized(Sink.Broadcast(Sink.First<int>(), Sink.First<int>()), Keep.Both)
            .Run(Materializer);

        await queue.OfferAsync(7);

        var firsts = await Within(Task.WhenAll(results));
        Assert.Equal([7, 7], firsts);
        await Within(queue.WatchCompletionAsync());
        Assert.IsType<QueueOfferResult.QueueClosed>(await queue.OfferAsync(8));
    }

    [Fact]
    public async Task Partition_cancels_an_idle_upstream_once_every_sink_has_cancelled()
    {
        var (queue, results) = Source.Queue<int>(4, OverflowStrategy.Backpressure)
            .ToMaterialized(Sink.Partition(2, (int x) => x % 2, Sink.First<int>(), Sink.First<int>()), Keep.Both)
            .Run(Materializer);

        await queue.OfferAsync(2);
        await queue.OfferAsync(3);

        var firsts = await Within(Task.WhenAll(results));
        Assert.Equal([2, 3], firsts);
        await Within(queue.WatchCompletionAsync());
    }

    [Fact]
    public async Task A_branch_whose_sink_stops_before_its_first_pull_does_not_block_the_others()
    {
        var deadTarget = CreateTestProbe();
        Sys.Stop(deadTarget.Ref);
        var collected = Source.From(Enumerable.Range(0, 100))
            .WithAttributes(Attributes.CreateInputBuffer(1, 1))
            .AlsoTo(Sink.ActorRefWithAck<int>(deadTarget.Ref, "init", "ack", "complete"))
            .RunWith(Sink.Seq<int>(), Materializer);

        Assert.Equal(Enumerable.Range(0, 100), await Within(collected));
    }
}
