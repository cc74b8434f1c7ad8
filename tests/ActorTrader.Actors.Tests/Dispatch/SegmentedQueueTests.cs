using ActorTrader.Actors.Dispatch;

namespace ActorTrader.Actors.Tests.Dispatch;

/// <summary>
/// The unbounded queue's segment life cycle: growth across segment boundaries, and dropping a large
/// segment whenever the queue drains (while producers keep claiming) without losing or reordering anything.
/// </summary>
public sealed class SegmentedQueueTests
{
    private sealed record Item(int Producer, int Seq);

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
        const int producers = 3;
        const int perProducer = 300_000;
        var queue = new UnboundedMessageQueue();
        using var start = new ManualResetEventSlim();
        var producing = Enumerable.Range(0, producers).Select(p => Task.Factory.StartNew(() =>
        {
            start.Wait();
            for (var i = 0; i < perProducer; i++)
            {
                queue.TryEnqueue(new Envelope(new Item(p, i), null));
                // Bursts of different lengths let the consumer catch up often, so segments are dropped and remade.
                if (i % (5 + 11 * p) == 0) Thread.Yield();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();

        var consuming = Task.Factory.StartNew(() =>
        {
            var next = new int[producers];
            var outOfOrder = 0;
            var received = 0;
            var deadline = DateTime.UtcNow + TestKit.TestKitBase.Dilated(TimeSpan.FromSeconds(60));
            while (received < producers * perProducer && DateTime.UtcNow < deadline)
            {
                if (!queue.TryDequeue(out var envelope)) continue;
                var item = (Item)envelope.Message;
                if (item.Seq != next[item.Producer]) outOfOrder++;
                next[item.Producer] = item.Seq + 1;
                received++;
            }
            return (received, outOfOrder);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        start.Set();
        var produced = Task.WhenAll(producing);
        var finished = await Task.WhenAny(produced, Task.Delay(TestKit.TestKitBase.Dilated(TimeSpan.FromSeconds(60))));
        Assert.True(ReferenceEquals(finished, produced), "a producer never got its message into the queue");
        var (received, outOfOrder) = await consuming;

        Assert.Equal(producers * perProducer, received);
        Assert.Equal(0, outOfOrder);
        Assert.False(queue.HasMessages);
    }
}
