using ActorTrader.Actors;
using ActorTrader.TestKit;

namespace ActorTrader.Actors.Tests.Scheduling;

/// <summary>The virtual-time scheduler itself: due order, ties, clock movement and its guards.</summary>
public sealed class TestSchedulerTests : TestKit.TestKit
{
    public TestSchedulerTests() : base(new TestKitSettings { VirtualTime = true })
    {
    }

    [Fact]
    public void Nothing_scheduled_runs_until_virtual_time_is_advanced()
    {
        var ran = false;
        Scheduler.ScheduleOnce(TimeSpan.FromMilliseconds(1), () => ran = true);

        Assert.False(ran);
        Assert.Equal(1, Scheduler.PendingCount);
        Scheduler.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(ran);
    }

    [Fact]
    public void Items_run_in_due_order_whatever_order_they_were_scheduled_in()
    {
        var order = new List<string>();
        Scheduler.ScheduleOnce(TimeSpan.FromSeconds(3), () => order.Add("3s"));
        Scheduler.ScheduleOnce(TimeSpan.FromSeconds(1), () => order.Add("1s"));
        Scheduler.ScheduleOnce(TimeSpan.FromSeconds(2), () => order.Add("2s"));

        Scheduler.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(["1s", "2s", "3s"], order);
    }

    [Fact]
    public void Items_due_at_the_same_time_run_in_the_order_they_were_scheduled()
    {
        var order = new List<int>();
        for (var i = 0; i < 10; i++)
        {
            var n = i;
            Scheduler.ScheduleOnce(TimeSpan.FromSeconds(1), () => order.Add(n));
        }

        Scheduler.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(Enumerable.Range(0, 10), order);
    }

    [Fact]
    public void Each_item_runs_with_the_clock_at_its_own_due_time()
    {
        var seen = new List<TimeSpan>();
        Scheduler.ScheduleRepeatedly(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), () => seen.Add(Scheduler.MonotonicClock));

        Scheduler.Advance(TimeSpan.FromSeconds(6));

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5)], seen);
        Assert.Equal(TimeSpan.FromSeconds(6), Scheduler.MonotonicClock);
    }

    [Fact]
    public void An_item_scheduled_by_a_running_item_runs_in_the_same_advance_when_it_is_due()
    {
        var seen = new List<TimeSpan>();
        Scheduler.ScheduleOnce(TimeSpan.FromSeconds(1), () =>
            Scheduler.ScheduleOnce(TimeSpan.FromSeconds(1), () => seen.Add(Scheduler.MonotonicClock)));

        Scheduler.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal([TimeSpan.FromSeconds(2)], seen);
    }

    [Fact]
    public void A_zero_delay_runs_immediately_without_advancing()
    {
        var ran = false;

        Scheduler.ScheduleOnce(TimeSpan.Zero, () => ran = true);

        Assert.True(ran);
        Assert.Equal(TimeSpan.Zero, Scheduler.MonotonicClock);
    }

    [Fact]
    public void A_negative_delay_is_treated_as_zero_and_runs_immediately()
    {
        var ran = false;

        Scheduler.ScheduleOnce(TimeSpan.FromSeconds(-5), () => ran = true);

        Assert.True(ran);
    }

    [Fact]
    public void A_cancelled_item_does_not_run()
    {
        var ran = false;
        var cancelable = new Cancelable();
        Scheduler.ScheduleOnce(TimeSpan.FromSeconds(1), () => ran = true, cancelable);

        cancelable.Cancel();
        Scheduler.Advance(TimeSpan.FromSeconds(1));

        Assert.False(ran);
    }

    [Fact]
    public void AdvanceTo_runs_the_items_due_up_to_and_including_that_instant()
    {
        var order = new List<string>();
        Scheduler.ScheduleOnce(TimeSpan.FromSeconds(10), () => order.Add("10s"));
        Scheduler.ScheduleOnce(TimeSpan.FromSeconds(11), () => order.Add("11s"));

        Scheduler.AdvanceTo(TestScheduler.DefaultStart + TimeSpan.FromSeconds(10));

        Assert.Equal(["10s"], order);
        Assert.Equal(TestScheduler.DefaultStart + TimeSpan.FromSeconds(10), Scheduler.Now);
    }

    [Fact]
    public void AdvanceTo_an_earlier_instant_throws_and_leaves_the_clock_unchanged()
    {
        Scheduler.Advance(TimeSpan.FromMinutes(1));
        var now = Scheduler.Now;

        Assert.Throws<ArgumentOutOfRangeException>(() => Scheduler.AdvanceTo(now - TimeSpan.FromSeconds(1)));

        Assert.Equal(now, Scheduler.Now);
    }

    [Fact]
    public void Advance_by_a_negative_span_throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Scheduler.Advance(TimeSpan.FromSeconds(-1)));
        Assert.Equal(TimeSpan.Zero, Scheduler.MonotonicClock);
    }

    [Fact]
    public void A_repeating_schedule_needs_a_positive_interval()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Scheduler.ScheduleRepeatedly(TimeSpan.FromSeconds(1), TimeSpan.Zero, () => { }));
    }

    [Fact]
    public void A_scheduler_can_start_at_a_chosen_instant()
    {
        var start = new DateTimeOffset(2030, 6, 1, 9, 0, 0, TimeSpan.Zero);
        var scheduler = new TestScheduler(start);

        scheduler.Advance(TimeSpan.FromHours(1));

        Assert.Equal(start + TimeSpan.FromHours(1), scheduler.Now);
    }
}
