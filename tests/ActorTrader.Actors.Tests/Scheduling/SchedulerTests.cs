using ActorTrader.Actors;
using ActorTrader.TestKit;

namespace ActorTrader.Actors.Tests.Scheduling;

/// <summary>The system scheduler on virtual time: one-shot and repeated tells, cancellation, clocks.</summary>
public sealed class SchedulerTests : TestKit.TestKit
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(150);
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    public SchedulerTests() : base(new TestKitSettings { VirtualTime = true })
    {
    }

    [Fact]
    public void The_system_scheduler_is_the_virtual_time_scheduler()
    {
        Assert.Same(Scheduler, Sys.Scheduler);
    }

    [Fact]
    public async Task ScheduleTellOnce_does_not_deliver_before_the_delay()
    {
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(5), TestActor, "wake-up", null);

        Scheduler.Advance(TimeSpan.FromSeconds(5) - Tick);

        await ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task ScheduleTellOnce_delivers_once_when_the_delay_has_passed()
    {
        var sender = CreateTestProbe();
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(5), TestActor, "wake-up", sender.Ref);

        Scheduler.Advance(TimeSpan.FromSeconds(5));

        await ExpectMsgAsync("wake-up");
        Assert.Equal(sender.Ref, LastSender);
        Scheduler.Advance(TimeSpan.FromMinutes(10));
        await ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task ScheduleTellRepeatedly_delivers_after_the_initial_delay_and_then_every_interval()
    {
        var sequence = 0;
        Sys.Scheduler.ScheduleRepeatedly(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), () => TestActor.Tell(++sequence, ActorRefs.NoSender));
        Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TestActor, "tick", null);

        Scheduler.Advance(TimeSpan.FromSeconds(1) - Tick);
        await ExpectNoMsgAsync(Quiet);

        Scheduler.Advance(Tick); // t = 1 s
        Assert.Equal(new object[] { 1, "tick" }, await ReceiveNAsync(2));
        Scheduler.Advance(TimeSpan.FromSeconds(2) - Tick);
        await ExpectNoMsgAsync(Quiet);

        Scheduler.Advance(Tick); // t = 3 s
        Assert.Equal(new object[] { 2, "tick" }, await ReceiveNAsync(2));

        Scheduler.Advance(TimeSpan.FromSeconds(6)); // t = 9 s: ticks at 5, 7 and 9
        Assert.Equal(new object[] { 3, "tick", 4, "tick", 5, "tick" }, await ReceiveNAsync(6));
        await ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task Cancelling_a_ScheduleTellOnceCancelable_before_it_is_due_stops_delivery()
    {
        var cancelable = Sys.Scheduler.ScheduleTellOnceCancelable(TimeSpan.FromSeconds(5), TestActor, "wake-up", null);

        cancelable.Cancel();
        Scheduler.Advance(TimeSpan.FromSeconds(30));

        Assert.True(cancelable.IsCancellationRequested);
        await ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task Cancelling_a_ScheduleTellRepeatedlyCancelable_stops_further_deliveries()
    {
        var cancelable = Sys.Scheduler.ScheduleTellRepeatedlyCancelable(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TestActor, "tick", null);
        Scheduler.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(new object[] { "tick", "tick" }, await ReceiveNAsync(2));

        cancelable.Cancel();
        Scheduler.Advance(TimeSpan.FromSeconds(30));

        await ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public void A_repeating_schedule_cancelled_from_its_own_action_runs_no_more()
    {
        var runs = 0;
        var cancelable = new Cancelable();
        Sys.Scheduler.ScheduleRepeatedly(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), () =>
        {
            if (++runs == 2) cancelable.Cancel();
        }, cancelable);

        Scheduler.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(2, runs);
    }

    [Fact]
    public void Scheduler_Now_and_MonotonicClock_advance_with_virtual_time_only()
    {
        var startNow = Sys.Scheduler.Now;
        var startClock = Sys.Scheduler.MonotonicClock;

        Scheduler.Advance(TimeSpan.FromMinutes(90));

        Assert.Equal(startNow + TimeSpan.FromMinutes(90), Sys.Scheduler.Now);
        Assert.Equal(startClock + TimeSpan.FromMinutes(90), Sys.Scheduler.MonotonicClock);
        Assert.Equal(TimeSpan.FromMinutes(90), Sys.Uptime);
    }

    [Fact]
    public void AdvanceTo_moves_the_clock_to_the_given_instant()
    {
        var target = Sys.Scheduler.Now + TimeSpan.FromHours(3);

        Scheduler.AdvanceTo(target);

        Assert.Equal(target, Sys.Scheduler.Now);
        Assert.Equal(TimeSpan.FromHours(3), Sys.Scheduler.MonotonicClock);
    }

    [Fact]
    public async Task An_actor_reading_the_scheduler_clock_sees_virtual_time()
    {
        var clockReader = Sys.ActorOf(Props.Create(() => new ClockReader()));
        Scheduler.Advance(TimeSpan.FromDays(2));

        clockReader.Tell("now?", TestActor);

        Assert.Equal(TestScheduler.DefaultStart + TimeSpan.FromDays(2), await ExpectMsgAsync<DateTimeOffset>());
    }

    private sealed class ClockReader : ReceiveActor
    {
        public ClockReader()
        {
            Receive<string>(_ => Sender.Tell(Context.System.Scheduler.Now, Self));
        }
    }
}
