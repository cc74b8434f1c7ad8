namespace ActorTrader.Streams.Tests.Queue;

public sealed class SourceQueueTests : StreamTestKit
{
    /// <summary>A queue whose first element is held downstream until <c>Gate</c> opens, so the buffer fills deterministically.</summary>
    private (ISourceQueueWithComplete<int> Queue, Task<System.Collections.Immutable.IImmutableList<int>> Result, TaskCompletionSource FirstTaken, TaskCompletionSource Gate)
        RunGated(int bufferSize, OverflowStrategy strategy)
    {
        var firstTaken = NewSignal();
        var gate = NewSignal();
        var (queue, result) = Source.Queue<int>(bufferSize, strategy)
            .SelectAsync(1, async x =>
            {
                if (!firstTaken.Task.IsCompleted)
                {
                    firstTaken.SetResult();
                    await gate.Task;
                }
                return x;
            })
            .ToMaterialized(Sink.Seq<int>(), Keep.Both)
            .Run(Materializer);
        return (queue, result, firstTaken, gate);
    }

    [Fact]
    public async Task DropNew_reports_dropped_for_offers_to_a_full_buffer()
    {
        var (queue, result, firstTaken, gate) = RunGated(2, OverflowStrategy.DropNew);
        await queue.OfferAsync(1);
        await Within(firstTaken.Task);

        Assert.IsType<QueueOfferResult.Enqueued>(await queue.OfferAsync(2));
        Assert.IsType<QueueOfferResult.Enqueued>(await queue.OfferAsync(3));
        Assert.IsType<QueueOfferResult.Dropped>(await queue.OfferAsync(4));
        queue.Complete();
        gate.SetResult();

        Assert.Equal([1, 2, 3], await Within(result));
        await Within(queue.WatchCompletionAsync());
    }

    [Fact]
    public async Task DropHead_enqueues_and_drops_the_oldest()
    {
        var (queue, result, firstTaken, gate) = RunGated(2, OverflowStrategy.DropHead);
        await queue.OfferAsync(1);
        await Within(firstTaken.Task);

        foreach (var x in new[] { 2, 3, 4 }) Assert.IsType<QueueOfferResult.Enqueued>(await queue.OfferAsync(x));
        queue.Complete();
        gate.SetResult();

        Assert.Equal([1, 3, 4], await Within(result));
    }

    [Fact]
    public async Task Fail_reports_failure_and_fails_the_stream()
    {
        var (queue, result, firstTaken, gate) = RunGated(1, OverflowStrategy.Fail);
        await queue.OfferAsync(1);
        await Within(firstTaken.Task);
        await queue.OfferAsync(2);

        var overflow = Assert.IsType<QueueOfferResult.Failure>(await queue.OfferAsync(3));
        gate.SetResult();

        Assert.IsType<BufferOverflowException>(overflow.Cause);
        await Assert.ThrowsAsync<BufferOverflowException>(() => Within(result));
        await Assert.ThrowsAsync<BufferOverflowException>(() => Within(queue.WatchCompletionAsync()));
        Assert.IsType<QueueOfferResult.Failure>(await queue.OfferAsync(4));
    }

    [Fact]
    public async Task Offers_after_completion_report_the_queue_closed()
    {
        var (queue, result) = Source.Queue<int>(4, OverflowStrategy.DropNew).ToMaterialized(Sink.Seq<int>(), Keep.Both).Run(Materializer);
        await queue.OfferAsync(1);

        queue.Complete();

        Assert.IsType<QueueOfferResult.QueueClosed>(await queue.OfferAsync(2));
        Assert.Equal([1], await Within(result));
    }

    [Fact]
    public async Task Offers_after_downstream_cancels_report_the_queue_closed()
    {
        var (queue, result) = Source.Queue<int>(4, OverflowStrategy.Backpressure).Take(1).ToMaterialized(Sink.Seq<int>(), Keep.Both).Run(Materializer);
        await queue.OfferAsync(1);

        Assert.Equal([1], await Within(result));
        Assert.IsType<QueueOfferResult.QueueClosed>(await queue.OfferAsync(2));
        await Within(queue.WatchCompletionAsync());
    }

    [Fact]
    public async Task Fail_from_the_producer_fails_the_stream_with_its_cause()
    {
        var (queue, result) = Source.Queue<int>(4, OverflowStrategy.Backpressure).ToMaterialized(Sink.Seq<int>(), Keep.Both).Run(Materializer);

        queue.Fail(new TimeoutException("upstream feed lost"));

        await Assert.ThrowsAsync<TimeoutException>(() => Within(result));
    }

    [Fact]
    public async Task A_zero_size_backpressured_queue_hands_each_element_over_directly()
    {
        var (queue, result) = Source.Queue<int>(0, OverflowStrategy.Backpressure).ToMaterialized(Sink.Seq<int>(), Keep.Both).Run(Materializer);

        for (var i = 0; i < 5; i++) Assert.IsType<QueueOfferResult.Enqueued>(await Within(queue.OfferAsync(i)));
        queue.Complete();

        Assert.Equal(Enumerable.Range(0, 5), await Within(result));
    }

    [Fact]
    public void A_zero_size_queue_without_backpressure_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Source.Queue<int>(0, OverflowStrategy.DropNew));
    }
}
