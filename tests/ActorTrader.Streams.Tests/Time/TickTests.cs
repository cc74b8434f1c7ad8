using ActorTrader.Actors;

namespace ActorTrader.Streams.Tests.Time;

public sealed class TickTests : VirtualTimeStreamTestKit
{
    [Fact]
    public async Task Tick_emits_once_per_interval_and_completes_when_cancelled()
    {
        var probe = CreateTestProbe();
        var timers = Scheduler.PendingCount;
        var (ticks, done) = Source.Tick(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), "tick")
            .ToMaterialized(Sink.ForEach<string>(t => probe.Ref.Tell(t, null)), Keep.Both)
            .Run(Materializer);
        await TimersPending(timers + 1);

        Scheduler.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.False(probe.HasMessages);
        Scheduler.Advance(TimeSpan.FromMilliseconds(1));
        await probe.ExpectMsgAsync("tick");
        Scheduler.Advance(TimeSpan.FromSeconds(1));
        await probe.ExpectMsgAsync("tick");
        ticks.Cancel();

        await Within(done);
        Assert.Equal(timers, Scheduler.PendingCount);
    }
}
