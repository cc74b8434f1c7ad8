using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Instruments;
using ActorTrader.Trading.Host.Targets;
using ActorTrader.Trading.Sleeves.Pipeline;

namespace ActorTrader.Trading.Tests.Host;

public sealed class ScheduledTargetsTests
{
    private static readonly Symbol Ko = new("NYSE", "KO");
    private static readonly Symbol Pep = new("NYSE", "PEP");
    private static readonly IMarketCalendar Nyse = MarketCalendars.Nyse;

    // Rows decided at the closes of Thu 1, Fri 2 and Tue 6 September 2022 (bars stamped at exchange-local midnight).
    private static SleeveSchedule Schedule() => new(
        [Nyse.StartOfDayUtc(new DateOnly(2022, 9, 1)), Nyse.StartOfDayUtc(new DateOnly(2022, 9, 2)), Nyse.StartOfDayUtc(new DateOnly(2022, 9, 6))],
        [Ko, Pep],
        [[0.1, 0.0], [0.2, 0.3], [0.5, 0.5]]);

    [Fact]
    public void A_date_gets_the_row_decided_at_the_previous_close_never_its_own()
    {
        var targets = new ScheduledTargets([new SleeveTargetSchedule("core", 1.0, Schedule())], Nyse);

        var set = targets.For(new DateOnly(2022, 9, 6)).Sets.Single();

        Assert.Equal(0.2, set.Weights[Ko], 12);
        Assert.Equal(0.3, set.Weights[Pep], 12);
        Assert.Equal(0.5, set.Cash, 12);
    }

    [Fact]
    public void A_date_before_the_first_decision_holds_cash()
    {
        var targets = new ScheduledTargets([new SleeveTargetSchedule("core", 1.0, Schedule())], Nyse);

        var set = targets.For(new DateOnly(2022, 9, 1)).Sets.Single();

        Assert.Empty(set.Weights);
        Assert.Equal(1.0, set.Cash, 12);
    }

    [Fact]
    public void Each_sleeve_keeps_its_capital_share()
    {
        var targets = new ScheduledTargets([new SleeveTargetSchedule("a", 0.75, Schedule()), new SleeveTargetSchedule("b", 0.25, Schedule())], Nyse);

        var sets = targets.For(new DateOnly(2022, 9, 7)).Sets;

        Assert.Equal([("a", 0.75), ("b", 0.25)], sets.Select(s => (s.Name, s.CapitalShare)));
    }

    [Fact]
    public void The_schedule_covers_a_date_once_it_has_the_previous_sessions_decision()
    {
        var targets = new ScheduledTargets([new SleeveTargetSchedule("core", 1.0, Schedule())], Nyse);

        Assert.True(targets.Covers(new DateOnly(2022, 9, 7)));
        Assert.False(targets.Covers(new DateOnly(2022, 9, 8)));
    }
}
