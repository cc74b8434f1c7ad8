using ActorTrader.Domain.Calendar;
using ActorTrader.TestKit;
using ActorTrader.Trading.Clock;

namespace ActorTrader.Trading.Tests.Clock;

public sealed class MarketClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 9, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_live_clock_over_a_scheduler_tells_the_scheduler_time()
    {
        var scheduler = new TestScheduler(Start);
        var clock = new LiveMarketClock(MarketCalendars.Nyse, scheduler);

        scheduler.Advance(TimeSpan.FromHours(3));

        Assert.Equal(Start.AddHours(3), clock.UtcNow);
    }

    [Fact]
    public void The_exchange_local_date_of_an_evening_in_New_York_is_the_New_York_date()
    {
        // 02:00 UTC on the 10th is 22:00 EDT on the 9th.
        var clock = new ReplayMarketClock(MarketCalendars.Nyse, new DateTimeOffset(2026, 3, 10, 2, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 3, 9), clock.Today());
    }

    [Fact]
    public void A_replay_clock_stands_still_until_advanced()
    {
        var clock = new ReplayMarketClock(MarketCalendars.Nyse, Start);

        clock.AdvanceTo(Start.AddMinutes(90));

        Assert.Equal(Start.AddMinutes(90), clock.UtcNow);
        Assert.Equal(Start.AddMinutes(90), clock.TimeProvider.GetUtcNow());
    }

    [Fact]
    public void A_replay_clock_refuses_to_go_back_and_names_both_instants()
    {
        var clock = new ReplayMarketClock(MarketCalendars.Nyse, Start);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => clock.AdvanceTo(Start.AddSeconds(-1)));

        Assert.Contains("2026-03-09T12:00:00.0000000+00:00", error.Message, StringComparison.Ordinal);
        Assert.Contains("2026-03-09T11:59:59.0000000+00:00", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delay_on_the_replay_time_provider_ends_only_when_the_clock_passes_it()
    {
        var clock = new ReplayMarketClock(MarketCalendars.Nyse, Start);
        var delay = Task.Delay(TimeSpan.FromMinutes(5), clock.TimeProvider);

        clock.AdvanceTo(Start.AddMinutes(4));
        var before = delay.IsCompleted;
        clock.AdvanceTo(Start.AddMinutes(5));

        Assert.False(before);
        await delay.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Replay_timers_fire_in_due_order_each_at_its_own_time()
    {
        var clock = new ReplayMarketClock(MarketCalendars.Nyse, Start);
        var fired = new List<(string Name, DateTimeOffset At)>();
        using var periodic = clock.TimeProvider.CreateTimer(_ => fired.Add(("every 2m", clock.UtcNow)), null, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(2));
        using var once = clock.TimeProvider.CreateTimer(_ => fired.Add(("once 3m", clock.UtcNow)), null, TimeSpan.FromMinutes(3), Timeout.InfiniteTimeSpan);

        clock.AdvanceTo(Start.AddMinutes(5));

        Assert.Equal([("every 2m", Start.AddMinutes(2)), ("once 3m", Start.AddMinutes(3)), ("every 2m", Start.AddMinutes(4))], fired);
        Assert.Equal(Start.AddMinutes(5), clock.UtcNow);
    }

    [Fact]
    public void A_disposed_replay_timer_does_not_fire()
    {
        var clock = new ReplayMarketClock(MarketCalendars.Nyse, Start);
        var fired = 0;
        var timer = clock.TimeProvider.CreateTimer(_ => fired++, null, TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);

        timer.Dispose();
        clock.AdvanceTo(Start.AddMinutes(2));

        Assert.Equal(0, fired);
        Assert.Equal(0, clock.PendingTimers);
    }
}
