namespace ActorTrader.Streams.Tests.Backpressure;

public sealed class BackpressureTests : StreamTestKit
{
    [Fact]
    public async Task A_slow_sink_bounds_how_far_the_source_runs_ahead()
    {
        const int asyncBuffer = 16;
        const int stageBuffer = 8;
        const int slack = 4; // elements in hand at the pumps and the sink
        var produced = 0;
        var maxAhead = 0;
        var disposed = NewSignal();

        var run = Source.From(Naturals(disposed, _ => Interlocked.Increment(ref produced)))
            .Async()
            .Buffer(stageBuffer, OverflowStrategy.Backpressure)
            .Take(300)
            .RunWith(Sink.ForEachAsync<int>(1, async x =>
            {
                // Let the source race ahead as far as it can before this element is consumed.
                await Task.Yield();
                maxAhead = Math.Max(maxAhead, Volatile.Read(ref produced) - (x + 1));
            }), Materializer);
        await Within(run);
        await Within(disposed.Task);

        Assert.InRange(maxAhead, 0, asyncBuffer + stageBuffer + slack);
        Assert.InRange(produced, 300, 300 + asyncBuffer + stageBuffer + slack);
    }

    [Fact]
    public async Task Offers_to_a_backpressured_queue_wait_once_the_stream_is_full()
    {
        var gate = NewSignal();
        var (queue, result) = Source.Queue<int>(4, OverflowStrategy.Backpressure)
            .SelectAsync(1, async x =>
            {
                await gate.Task;
                return x;
            })
            .ToMaterialized(Sink.Seq<int>(), Keep.Both)
            .Run(Materializer);

        var accepted = 0;
        Task<QueueOfferResult> offer;
        while ((offer = queue.OfferAsync(accepted + 1)).IsCompleted)
        {
            Assert.IsType<QueueOfferResult.Enqueued>(await offer);
            accepted++;
            Assert.True(accepted <= 100, "the queue never pushed back");
        }

        // Four in the buffer, at most one more taken by SelectAsync.
        Assert.InRange(accepted, 4, 5);
        gate.SetResult();
        Assert.IsType<QueueOfferResult.Enqueued>(await Within(offer));
        queue.Complete();
        Assert.Equal(Enumerable.Range(1, accepted + 1), await Within(result));
    }
}
