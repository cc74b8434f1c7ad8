using ActorTrader.Trading.Risk;
using ActorTrader.Trading.Risk.Actions;
using ActorTrader.Trading.Risk.Monitoring;

namespace ActorTrader.Trading.Tests.Risk;

/// <summary>The pure monitor with the default circuit breakers of reference.conf.</summary>
public sealed class RiskMonitorTests
{
    private static readonly RiskMonitor Monitor = new(RiskSettings.Default.CircuitBreakers);
    private static readonly HashSet<string> NoneTripped = [];

    [Fact]
    public void Drawdown_is_the_loss_from_the_peak_nav()
    {
        var reading = new NavReading(88_000m, 110_000m, null, null);

        Assert.Equal(0.2m, reading.Drawdown);
        Assert.Null(reading.DailyLoss);
        Assert.Null(reading.IntradayDrawdown);
    }

    [Fact]
    public void A_loss_below_every_level_takes_no_action()
    {
        var assessment = Monitor.Assess(new NavReading(96_000m, 100_000m, 96_500m, 96_500m), NoneTripped);

        Assert.Empty(assessment.Breached);
        Assert.Null(assessment.Action);
    }

    [Fact]
    public void A_drawdown_at_the_reduce_level_reduces_positions_and_also_trips_the_milder_level()
    {
        var assessment = Monitor.Assess(new NavReading(90_000m, 100_000m, null, null), NoneTripped);

        Assert.Equal(RiskAction.ReducePositions, assessment.Action);
        Assert.Equal(["drawdown.reduce-positions", "drawdown.tighten-stops"], assessment.NewlyTripped.Select(t => t.Breaker.Name));
        Assert.Equal("drawdown 10.00% from 100,000.00 reached the reduce-positions level 10.00%; drawdown 10.00% from 100,000.00 reached the tighten-stops level 5.00%", assessment.Reason);
    }

    [Fact]
    public void A_drawdown_at_the_close_level_closes_all_positions()
    {
        Assert.Equal(RiskAction.CloseAllPositions, Monitor.Assess(new NavReading(85_000m, 100_000m, null, null), NoneTripped).Action);
    }

    [Fact]
    public void A_daily_loss_at_the_halt_level_halts()
    {
        var assessment = Monitor.Assess(new NavReading(97_000m, 100_000m, 100_000m, 100_000m), NoneTripped);

        Assert.Equal(RiskAction.Halt, assessment.Action);
        Assert.Equal("daily-loss.halt", assessment.NewlyTripped[0].Breaker.Name);
        Assert.Equal(0.03m, assessment.NewlyTripped[0].Figure);
    }

    [Fact]
    public void Giving_back_intraday_gains_tightens_stops_while_the_day_is_still_up()
    {
        var reading = new NavReading(100_940m, 103_000m, 100_000m, 103_000m);

        var assessment = Monitor.Assess(reading, NoneTripped);

        Assert.True(reading.DailyLoss < 0m);
        Assert.Equal(RiskAction.TightenStops, assessment.Action);
        Assert.Equal("intraday-drawdown.tighten-stops", Assert.Single(assessment.NewlyTripped).Breaker.Name);
    }

    [Fact]
    public void Without_a_start_of_day_only_the_drawdown_is_measured()
    {
        var assessment = Monitor.Assess(new NavReading(97_000m, 97_000m, null, null), NoneTripped);

        Assert.Null(assessment.Action);
    }

    [Fact]
    public void A_tripped_breaker_does_not_trip_again()
    {
        HashSet<string> tripped = ["drawdown.reduce-positions", "drawdown.tighten-stops"];

        var assessment = Monitor.Assess(new NavReading(89_000m, 100_000m, null, null), tripped);

        Assert.Equal(2, assessment.Breached.Count);
        Assert.Null(assessment.Action);
    }

    [Fact]
    public void A_breaker_with_a_zero_threshold_never_trips()
    {
        var monitor = new RiskMonitor([new CircuitBreaker(RiskMeasure.Drawdown, 0m, RiskAction.Halt)]);

        Assert.Null(monitor.Assess(new NavReading(10m, 100m, null, null), NoneTripped).Action);
    }

    [Fact]
    public void A_new_day_rearms_daily_breakers_and_drawdown_breakers_the_drawdown_is_back_below()
    {
        HashSet<string> tripped = ["daily-loss.halt", "drawdown.tighten-stops", "drawdown.reduce-positions"];

        var rearmed = Monitor.Rearmed(tripped, new NavReading(93_000m, 100_000m, null, null));

        Assert.Equal(["daily-loss.halt", "drawdown.reduce-positions"], rearmed);
    }
}
