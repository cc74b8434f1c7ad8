using ActorTrader.Domain.Calendar;
using ActorTrader.Trading.Day;

namespace ActorTrader.Trading.Tests.Day;

public sealed class TradingDayScheduleTests
{
    private static IReadOnlyList<ScheduledPhase> Schedule(DateOnly date, TradingDaySettings? settings = null) =>
        TradingDaySchedule.Build(MarketCalendars.Nyse.SessionOn(date)!, settings ?? TradingDaySettings.Default, MarketCalendars.Nyse);

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void An_early_close_moves_the_rebalance_to_the_same_lead_before_the_close_and_says_so()
    {
        var rebalance = Schedule(new DateOnly(2026, 11, 27)).Single(p => p.Phase == TradingDayPhase.Rebalance);

        Assert.Equal(Utc(2026, 11, 27, 17, 45), rebalance.At);
        Assert.Contains("moved from 15:45 ET to 12:45 ET", rebalance.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_marked_to_rebalance_is_followed_by_a_rebalance_at_the_same_time()
    {
        var settings = TradingDaySettings.Default with { ScheduledRuns = [new ScheduledRun(new TimeOnly(10, 0), ["a"], RebalanceAfter: true)], RebalanceAt = null };

        var phases = Schedule(new DateOnly(2026, 1, 6), settings);

        Assert.Equal(
            [TradingDayPhase.PreMarket, TradingDayPhase.MarketOpen, TradingDayPhase.StrategyRun, TradingDayPhase.Rebalance, TradingDayPhase.MarketClose, TradingDayPhase.PostMarket],
            phases.Select(p => p.Phase));
        Assert.Equal(phases[2].At, phases[3].At);
        Assert.True(phases[3].AfterRun);
    }

    [Fact]
    public void On_a_24_hour_calendar_pre_market_is_at_the_session_start()
    {
        var session = MarketCalendars.Crypto.SessionOn(new DateOnly(2026, 1, 3))!;

        var phases = TradingDaySchedule.Build(session, TradingDaySettings.Default, MarketCalendars.Crypto);

        Assert.Equal((TradingDayPhase.PreMarket, session.Open), (phases[0].Phase, phases[0].At));
    }
}
