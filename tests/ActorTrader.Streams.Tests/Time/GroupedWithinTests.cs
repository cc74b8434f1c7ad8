using ActorTrader.Actors;

namespace ActorTrader.Streams.Tests.Time;

public sealed class GroupedWithinTests : VirtualTimeStreamTestKit
{
    [Fact]
    public async Task A_group_is_emitted_as_soon_as_it_is_full()
    {
        var probe = CreateTestProbe();
        var queue = Source.Queue<int>(16, OverflowStrategy.Backpressure).GroupedWithin(3, TimeSpan.FromSeconds(1))
            .To(Sink.ForEach<IReadOnlyList<int>>(g => probe.Ref.Tell(string.Join(",", g), null))).Run(Materializer);

        foreach (var x in new[] { 1, 2, 3, 4, 5, 6 }) await queue.OfferAsync(x);

        await probe.ExpectMsgAsync("1,2,3");
        await probe.ExpectMsgAsync("4,5,6");
    }

    [Fact]
    public async Task A_partial_group_is_emitted_when_its_window_ends()
    {
        var probe = CreateTestProbe();
        var timers = Scheduler.PendingCount;
        var queue = Source.Queue<int>(16, OverflowStrategy.Backpressure).GroupedWithin(3, TimeSpan.FromSeconds(1))
            .To(Sink.ForEach<IReadOnlyList<int>>(g => probe.Ref.Tell(string.Join(",", g), null))).Run(Materializer);

        await queue.OfferAsync(1);
        await queue.OfferAsync(2);
        await TimersPending(timers + 1);
        Scheduler.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(timers + 1, Scheduler.PendingCount);
        Scheduler.Advance(TimeSpan.FromMilliseconds(1));

        await probe.ExpectMsgAsync("1,2");
        await queue.OfferAsync(3);
        await TimersPending(timers + 1);
        Scheduler.Advance(TimeSpan.FromSeconds(1));
        await probe.ExpectMsgAsync("3");
    }

    [Fact]
    public async Task Completion_flushes_the_partial_group()
    {
        var (queue, result) = Source.Queue<int>(16, OverflowStrategy.Backpressure).GroupedWithin(3, TimeSpan.FromSeconds(1))
            .ToMaterialized(Sink.Seq<IReadOnlyList<int>>(), Keep.Both).Run(Materializer);

        await queue.OfferAsync(1);
        queue.Complete();

        var groups = await Within(result);
        Assert.Equal([1], Assert.Single(groups));
    }
}
