using ActorTrader.Actors.Dispatch;

namespace ActorTrader.Actors.Tests.Dispatch;

/// <summary>
/// The unbounded queue's segment life cycle: growth across segment boundaries, and dropping a large
/// segment whenever the queue drains (while producers keep claiming) without losing or reordering anything.
/// </summary>
public sealed class SegmentedQueueTests
{
    [Theory]
    [InlineData(UnboundedMessageQueue.InitialSegmentSize - 1)]
    [InlineData(UnboundedMessageQueue.InitialSegmentSize)]
    [InlineData(UnboundedMessageQueue.InitialSegmentSize + 1)]
    [InlineData(3 * UnboundedMessageQueue.MaxSegmentSize + 7)]
    public void Messages_cross_segment_boundaries_in_order(int count)
    {
        var queue = new UnboundedMessageQueue();
        for (var round = 0; round < 3; round++) // after a drain the queue starts again from a small segment
        {
            for (var i = 0; i < count; i++) queue.TryEnqueue(new Envelope(i, null));
            Assert.Equal(count, queue.Count);
            for (var i = 0; i < count; i++)
            {
                Assert.True(queue.TryDequeue(out var envelope));
                Assert.Equal(i, envelope.Message);
            }
            Assert.False(queue.TryDequeue(out _));
            Assert.False(queue.HasMessages);
        }
    }

    [Fact]
    public async Task A_consumer_that_keeps_draining_the_queue_loses_nothing_from_bursty_producers()
    {
        const int perProducer = 300_000;
        var queue = new UnboundedMessageQueue();

        // Bursts of different lengths let the consumer catch up often, so segments are dropped and remade.
        var outcome = await ConcurrentQueueHarness.RunAsync(queue, producers: 3, perProducer, pauseEvery: p => 5 + 11 * p);

        Assert.True(outcome.ProducersFinished, "a producer never got its message into the queue");
        Assert.Equal(3 * perProducer, outcome.Received);
        Assert.Equal(0, outcome.OutOfOrder);
        Assert.False(queue.HasMessages);
    }
}
