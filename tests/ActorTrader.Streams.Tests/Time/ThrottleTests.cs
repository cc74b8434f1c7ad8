namespace ActorTrader.Streams.Tests.Time;

public sealed class ThrottleTests : VirtualTimeStreamTestKit
{
    [Fact]
    public async Task Shaping_lets_a_burst_through_then_one_element_per_token_interval()
    {
        var emitted = 0;
        var timers = Scheduler.PendingCount;
        var run = Source.From(Enumerable.Range(1, 6)).Throttle(2, TimeSpan.FromSeconds(1), 2, ThrottleMode.Shaping)
            .RunWith(Sink.ForEach<int>(_ => Interlocked.Increment(ref emitted)), Materializer);

        // Burst of 2 at once; then 2 per second means one every 500 ms.
        await AwaitConditionAsync(() => Volatile.Read(ref emitted) == 2 && Scheduler.PendingCount == timers + 1);
        for (var expected = 3; expected <= 5; expected++)
        {
            Scheduler.Advance(TimeSpan.FromMilliseconds(499));
            Assert.Equal(timers + 1, Scheduler.PendingCount);
            Scheduler.Advance(TimeSpan.FromMilliseconds(1));
            var count = expected;
            await AwaitConditionAsync(() => Volatile.Read(ref emitted) == count && Scheduler.PendingCount == timers + 1, message: $"{count} emitted");
        }
        Scheduler.Advance(TimeSpan.FromMilliseconds(500));

        await Within(run);
        Assert.Equal(6, emitted);
    }

    [Fact]
    public async Task Enforcing_fails_the_stream_when_the_rate_is_exceeded()
    {
        var run = Source.From(Enumerable.Range(1, 5)).Throttle(2, TimeSpan.FromSeconds(1), 2, ThrottleMode.Enforcing).RunWith(Sink.Seq<int>(), Materializer);

        await Assert.ThrowsAsync<RateExceededException>(() => Within(run));
    }
}
