using ActorTrader.Backtest.Rebalancing;
using ActorTrader.Backtest.Tests.Support;
using ActorTrader.Backtest.Weights;

namespace ActorTrader.Backtest.Tests.Rebalancing;

public sealed class RebalanceScheduleTests
{
    private static WeightsSchedule Zero(DateTimeOffset[] times) => WeightsSchedule.FromValues(TestPanels.Symbols(1), times, new double[times.Length]);

    private static int[] Bars(RebalanceSchedule schedule, DateTimeOffset[] times) =>
        [.. schedule.Mask(Zero(times)).Select((on, t) => (on, t)).Where(x => x.on).Select(x => x.t)];

    [Fact]
    public void Monthly_trades_on_the_first_bar_of_each_month()
    {
        var times = TestPanels.Weekdays(45, new DateTimeOffset(2021, 1, 27, 5, 0, 0, TimeSpan.Zero)); // Wed 27 Jan …

        var bars = Bars(RebalanceSchedule.Monthly, times);

        Assert.Equal([0, 3, 23], bars); // Wed 27 Jan (first bar), Mon 1 Feb, Mon 1 Mar
        Assert.Equal(new DateTimeOffset(2021, 3, 1, 5, 0, 0, TimeSpan.Zero), times[23]);
    }

    [Fact]
    public void Weekly_trades_on_the_first_bar_of_each_week()
    {
        var times = TestPanels.Weekdays(12, new DateTimeOffset(2021, 1, 6, 5, 0, 0, TimeSpan.Zero)); // Wednesday

        Assert.Equal([0, 3, 8], Bars(RebalanceSchedule.Weekly, times));
    }

    [Fact]
    public void Every_n_bars_counts_from_the_first_bar()
    {
        Assert.Equal([0, 3, 6, 9], Bars(RebalanceSchedule.Every(3), TestPanels.Weekdays(11)));
    }

    [Fact]
    public void Daily_trades_every_daily_bar()
    {
        Assert.Equal(Enumerable.Range(0, 6), Bars(RebalanceSchedule.Daily, TestPanels.Weekdays(6)));
    }

    [Fact]
    public void Once_trades_at_the_first_bar_with_a_target()
    {
        var times = TestPanels.Weekdays(5);
        var weights = WeightsSchedule.FromValues(TestPanels.Symbols(1), times, [0, 0, 0.3, 0.3, 0.1]);

        var mask = RebalanceSchedule.Once.Mask(weights);

        Assert.Equal([false, false, true, false, false], mask);
    }

    [Theory]
    [InlineData("daily")]
    [InlineData("weekly")]
    [InlineData("monthly")]
    [InlineData("once")]
    [InlineData("every-5-bars")]
    public void Text_form_round_trips(string text)
    {
        Assert.Equal(text, RebalanceSchedule.Parse(text).ToString());
    }

    [Fact]
    public void Unknown_text_names_the_valid_forms()
    {
        var e = Assert.Throws<FormatException>(() => RebalanceSchedule.Parse("fortnightly"));

        Assert.Contains("every-N-bars", e.Message, StringComparison.Ordinal);
    }
}
