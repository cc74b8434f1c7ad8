using ActorTrader.TestKit;

namespace ActorTrader.Actors.Tests.Scheduling;

/// <summary>The real-time scheduler survives a throwing action and releases everything on shutdown.</summary>
public sealed class SchedulerRobustnessTests : TestKit.TestKit
{
    [Fact]
    public async Task A_scheduled_action_that_throws_does_not_stop_later_ones()
    {
        Sys.Scheduler.ScheduleOnce(TimeSpan.FromMilliseconds(1), () => throw new InvalidOperationException("scheduled failure"));
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(20), TestActor, "still ticking", ActorRefs.NoSender);

        await ExpectMsgAsync("still ticking");
    }

    [Fact]
    public void Disposing_the_scheduler_cancels_what_is_pending()
    {
        using var scheduler = new DefaultScheduler();
        scheduler.ScheduleOnce(TimeSpan.FromHours(1), () => { });
        scheduler.ScheduleRepeatedly(TimeSpan.FromHours(1), TimeSpan.FromHours(1), () => { });
        Assert.Equal(2, scheduler.PendingCount);

        scheduler.Dispose();

        Assert.Equal(0, scheduler.PendingCount);
    }

    [Fact]
    public void Cancelled_items_no_longer_count_as_pending_in_virtual_time()
    {
        var scheduler = new TestScheduler();
        var cancelable = scheduler.ScheduleOnceCancelable(TimeSpan.FromSeconds(5), () => { });
        scheduler.ScheduleOnce(TimeSpan.FromSeconds(5), () => { });

        cancelable.Cancel();

        Assert.Equal(1, scheduler.PendingCount);
    }
}
