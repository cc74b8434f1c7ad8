using ActorTrader.Actors;
using ActorTrader.Actors.Dispatch;

namespace ActorTrader.Actors.Tests.Dispatch;

/// <summary>The queues on their own, without actors.</summary>
public sealed class MessageQueueTests
{
    private static Envelope E(object message) => new(message, null);

    private static TimeSpan Generous => ActorTrader.TestKit.TestKitBase.Dilated(TimeSpan.FromSeconds(30));

    [Fact]
    public void Unbounded_queue_is_fifo_and_reports_emptiness()
    {
        var queue = new UnboundedMessageQueue();
        Assert.False(queue.HasMessages);
        Assert.False(queue.TryDequeue(out _));

        for (var i = 0; i < 5; i++) Assert.True(queue.TryEnqueue(E(i)));

        Assert.True(queue.HasMessages);
        Assert.Equal(5, queue.Count);
        var drained = new List<object>();
        while (queue.TryDequeue(out var envelope)) drained.Add(envelope.Message);
        Assert.Equal([0, 1, 2, 3, 4], drained);
        Assert.False(queue.HasMessages);
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void Unbounded_queue_keeps_the_sender_of_each_envelope()
    {
        var queue = new UnboundedMessageQueue();
        queue.TryEnqueue(new Envelope("with", ActorRefs.Nobody));
        queue.TryEnqueue(new Envelope("without", null));

        Assert.True(queue.TryDequeue(out var first));
        Assert.True(queue.TryDequeue(out var second));

        Assert.Same(ActorRefs.Nobody, first.Sender);
        Assert.Null(second.Sender);
    }

    [Fact]
    public async Task Unbounded_queue_loses_nothing_and_keeps_per_producer_order_under_concurrent_producers()
    {
        const int perProducer = 200_000;
        var queue = new UnboundedMessageQueue();

        var outcome = await ConcurrentQueueHarness.RunAsync(queue, producers: 4, perProducer);

        Assert.True(outcome.ProducersFinished);
        Assert.Equal(4 * perProducer, outcome.Received);
        Assert.Equal(0, outcome.OutOfOrder);
        Assert.All(outcome.NextPerProducer, n => Assert.Equal(perProducer, n));
        Assert.False(queue.TryDequeue(out _));
    }

    [Fact]
    public void Bounded_queue_refuses_a_message_beyond_its_capacity()
    {
        var queue = new BoundedMessageQueue(3, TimeSpan.Zero);

        Assert.True(queue.TryEnqueue(E(1)));
        Assert.True(queue.TryEnqueue(E(2)));
        Assert.True(queue.TryEnqueue(E(3)));
        Assert.False(queue.TryEnqueue(E(4)));

        Assert.Equal(3, queue.Count);
        var drained = new List<object>();
        while (queue.TryDequeue(out var envelope)) drained.Add(envelope.Message);
        Assert.Equal([1, 2, 3], drained);
    }

    [Fact]
    public void Bounded_queue_frees_a_slot_for_every_dequeued_message()
    {
        var queue = new BoundedMessageQueue(2, TimeSpan.Zero);
        queue.TryEnqueue(E(1));
        queue.TryEnqueue(E(2));

        Assert.True(queue.TryDequeue(out _));

        Assert.True(queue.TryEnqueue(E(3)));
        Assert.False(queue.TryEnqueue(E(4)));
    }

    [Fact]
    public void Bounded_queue_gives_up_after_its_push_timeout_when_still_full()
    {
        var queue = new BoundedMessageQueue(1, TimeSpan.FromMilliseconds(50));
        queue.TryEnqueue(E(1));

        Assert.False(queue.TryEnqueue(E(2)));

        Assert.Equal(1, queue.Count);
    }

    [Fact]
    public async Task Bounded_queue_producer_waiting_within_its_push_timeout_gets_in_when_a_slot_frees()
    {
        var queue = new BoundedMessageQueue(1, Generous);
        queue.TryEnqueue(E(1));

        var waiting = Task.Run(() => queue.TryEnqueue(E(2)));
        Assert.False(waiting.IsCompleted, "a full queue must not accept the message before a slot frees");
        Assert.True(queue.TryDequeue(out var first));

        Assert.True(await waiting.WaitAsync(Generous));
        Assert.Equal(1, first.Message);
        Assert.True(queue.TryDequeue(out var second));
        Assert.Equal(2, second.Message);
    }

    [Fact]
    public void Bounded_queue_rejects_a_capacity_below_1()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BoundedMessageQueue(0, TimeSpan.Zero));
    }

    [Fact]
    public void Priority_queue_orders_by_priority_then_arrival()
    {
        var queue = new UnboundedPriorityMessageQueue(m => ((string)m)[0] - '0');
        foreach (var m in new[] { "2a", "1a", "2b", "0a", "1b", "2c" }) queue.TryEnqueue(E(m));

        var drained = new List<object>();
        while (queue.TryDequeue(out var envelope)) drained.Add(envelope.Message);

        Assert.Equal(["0a", "1a", "1b", "2a", "2b", "2c"], drained);
        Assert.False(queue.HasMessages);
    }
}
