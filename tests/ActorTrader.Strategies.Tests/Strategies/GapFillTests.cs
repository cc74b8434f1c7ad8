using ActorTrader.Domain.Bars;
using ActorTrader.Strategies.GapFill;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Replay;
using ActorTrader.Strategies.Tests.Support;
using static ActorTrader.Strategies.Tests.Strategies.StrategyTestKit;

namespace ActorTrader.Strategies.Tests.Strategies;

/// <summary>
/// gap_fill on 1-minute bars: the previous session closes at 100 on every bar; the tested session opens at a gap and follows
/// a price path given by New York wall-clock time. January dates are on standard time (UTC−5), July dates on daylight
/// time (UTC−4), so a strategy that assumed a fixed offset would enter an hour off on one of them.
/// </summary>
public sealed class GapFillTests
{
    private const string Symbol = "NASDAQ:GAP";
    private static readonly GapFillStrategy Strategy = new();

    public static TheoryData<string> Days() => new(["2024-01-10", "2024-07-10"]);

    private static (BarPanel Panel, TargetHistory History) Replay(string day, double open, Func<TimeOnly, double> path,
        Dictionary<string, double>? overrides = null, bool preMarket = true)
    {
        var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        var previous = date.AddDays(-1);
        var times = MarketTimes.Minutes(previous, new TimeOnly(9, 30), new TimeOnly(15, 59)).ToList();
        var previousCount = times.Count;
        if (preMarket) times.AddRange(MarketTimes.Minutes(date, new TimeOnly(9, 0), new TimeOnly(9, 29)));
        var preCount = times.Count - previousCount;
        times.AddRange(MarketTimes.Minutes(date, new TimeOnly(9, 30), new TimeOnly(15, 59)));
        var opens = new double[times.Count];
        var closes = new double[times.Count];
        for (var i = 0; i < times.Count; i++)
        {
            var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(times[i], MarketTimes.NewYork).DateTime);
            var session = i >= previousCount + preCount;
            closes[i] = !session ? (i < previousCount ? 100 : 99.9) : path(local);
            opens[i] = i == previousCount + preCount ? open : i == 0 ? 100 : closes[i - 1];
        }
        var panel = new PanelBuilder(times, Timeframe.Minute1).Add(Symbol, closes, open: opens).Build();
        return (panel, SignalReplay.Run(Strategy, panel, StrategyTestKit.Parameters(Strategy, overrides)));
    }

    private static double TargetAt(BarPanel panel, TargetHistory history, string day, int hour, int minute) =>
        history.Targets[panel.LastIndexAtOrBefore(MarketTimes.NewYorkTime(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), new TimeOnly(hour, minute)))][panel.IndexOf(Domain.Instruments.Symbol.Parse(Symbol))];

    private static List<string> GapEvents(TargetHistory history) => [.. history.Events.Where(e => e.Kind == GapFillStrategy.GapEvent).Select(e => e.Detail)];

    [Theory]
    [MemberData(nameof(Days))]
    public void A_gap_down_is_bought_at_the_0931_decision(string day)
    {
        var (panel, history) = Replay(day, open: 99, path: _ => 99);

        Assert.Equal(0.25, TargetAt(panel, history, day, 9, 30));
    }

    [Fact]
    public void With_confirm_fraction_zero_a_gap_down_is_bought_at_0931_even_if_the_first_bar_falls_further()
    {
        // confirm_fraction 0 means "enter at 09:31": the 09:30 bar closing a tenth of the gap below its open must not delay the entry.
        var (panel, history) = Replay("2024-01-10", open: 99, path: _ => 98.9);

        Assert.Equal(0.25, TargetAt(panel, history, "2024-01-10", 9, 30));
    }

    [Theory]
    [MemberData(nameof(Days))]
    public void No_entry_is_made_from_a_pre_market_bar(string day)
    {
        var (panel, history) = Replay(day, open: 99, path: _ => 99);

        Assert.Equal(0, TargetAt(panel, history, day, 9, 29));
    }

    [Theory]
    [MemberData(nameof(Days))]
    public void A_confirmation_at_the_1130_decision_is_still_entered(string day)
    {
        // Half the gap is retraced on the 11:29 bar, which is decided at 11:30.
        var (panel, history) = Replay(day, open: 99, path: t => t >= new TimeOnly(11, 29) ? 99.5 : 99, new() { ["confirm_fraction"] = 0.3 });

        Assert.Equal((0.0, 0.25), (TargetAt(panel, history, day, 11, 28), TargetAt(panel, history, day, 11, 29)));
    }

    [Theory]
    [MemberData(nameof(Days))]
    public void No_entry_is_made_after_1130(string day)
    {
        var (_, history) = Replay(day, open: 99, path: t => t >= new TimeOnly(11, 45) ? 99.5 : 99, new() { ["confirm_fraction"] = 0.3 });

        Assert.All(history.Targets, row => Assert.Equal(0, row[0]));
    }

    [Theory]
    [MemberData(nameof(Days))]
    public void A_gap_that_missed_the_entry_window_is_logged_as_not_traded(string day)
    {
        var (_, history) = Replay(day, open: 99, path: t => t >= new TimeOnly(11, 45) ? 99.5 : 99, new() { ["confirm_fraction"] = 0.3 });

        var gap = Assert.Single(GapEvents(history));
        Assert.Contains("not traded: no entry by 11:30 ET", gap, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Days))]
    public void The_position_is_flat_from_the_exit_time(string day)
    {
        // The gap never fills, so only the exit time (375 minutes after the open = 15:45 ET) ends the trade.
        var (panel, history) = Replay(day, open: 99, path: _ => 99);

        Assert.Equal((0.25, 0.0, 0.0),
            (TargetAt(panel, history, day, 15, 43), TargetAt(panel, history, day, 15, 44), TargetAt(panel, history, day, 15, 59)));
    }

    [Fact]
    public void The_exit_time_ends_the_trade_even_when_the_symbol_has_no_bar_after_it()
    {
        // GAP stops trading at 15:40 while another symbol keeps the panel's clock running: the 15:45 exit must not wait for a GAP bar.
        var day = new DateOnly(2024, 1, 10);
        var times = MarketTimes.Minutes(day.AddDays(-1), new TimeOnly(9, 30), new TimeOnly(15, 59))
            .Concat(MarketTimes.Minutes(day, new TimeOnly(9, 30), new TimeOnly(15, 59))).ToList();
        var silentFrom = MarketTimes.NewYorkTime(day, new TimeOnly(15, 40));
        var gap = times.Select((t, i) => i < 390 ? 100 : t >= silentFrom ? double.NaN : 99).ToArray();
        var open = gap.Select((c, i) => i == 390 ? 99 : i == 0 ? 100 : gap[i - 1]).ToArray();
        var panel = new PanelBuilder(times, Timeframe.Minute1).Add(Symbol, gap, open: open).Add("NASDAQ:ALL", Series.Constant(times.Count, 50)).Build();

        var history = SignalReplay.Run(Strategy, panel, StrategyTestKit.Parameters(Strategy));

        Assert.Equal((0.25, 0.0), (TargetAt(panel, history, "2024-01-10", 15, 39), TargetAt(panel, history, "2024-01-10", 15, 50)));
    }

    [Fact]
    public void The_exit_is_logged_with_its_reason()
    {
        var (_, history) = Replay("2024-01-10", open: 99, path: _ => 99);

        var exit = Assert.Single(history.Events, e => e.Kind == GapFillStrategy.ExitEvent);
        Assert.Contains("exit time 15:45 ET", exit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_filled_gap_takes_its_profit()
    {
        var (panel, history) = Replay("2024-01-10", open: 99, path: t => t >= new TimeOnly(10, 0) ? 100 : 99);

        Assert.Equal((0.25, 0.0), (TargetAt(panel, history, "2024-01-10", 9, 59), TargetAt(panel, history, "2024-01-10", 10, 0)));
    }

    [Fact]
    public void A_gap_larger_than_max_gap_is_logged_but_not_traded()
    {
        var (_, history) = Replay("2024-01-10", open: 92, path: _ => 92);

        var gap = Assert.Single(GapEvents(history));
        Assert.Contains("not traded: |gap| 8.00% is above max_gap 5.00%", gap, StringComparison.Ordinal);
        Assert.All(history.Targets, row => Assert.Equal(0, row[0]));
    }

    [Fact]
    public void A_gap_up_is_logged_but_not_traded_by_a_long_only_strategy()
    {
        var (_, history) = Replay("2024-01-10", open: 101, path: _ => 101);

        var gap = Assert.Single(GapEvents(history));
        Assert.Contains("gap 1.00%", gap, StringComparison.Ordinal);
        Assert.Contains("not traded: fading a gap up needs a short", gap, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gap_up_is_shorted_when_direction_allows_shorts()
    {
        var (panel, history) = Replay("2024-01-10", open: 101, path: _ => 101, new() { ["direction"] = 2 });

        Assert.Equal(-0.25, TargetAt(panel, history, "2024-01-10", 9, 30));
    }

    [Fact]
    public void A_traded_gap_is_logged_once_over_the_whole_session()
    {
        var (_, history) = Replay("2024-07-10", open: 99, path: _ => 99);

        var gap = Assert.Single(GapEvents(history));
        Assert.Contains("traded: long fade from 09:31 ET", gap, StringComparison.Ordinal);
    }

    [Fact]
    public void Daily_bars_are_refused_with_the_fix()
    {
        var panel = new PanelBuilder(MarketTimes.Daily(new DateOnly(2024, 1, 2), 5), Timeframe.Day1).Add(Symbol, Series.Constant(5, 100)).Build();

        var error = Assert.Throws<ArgumentException>(() => EvaluateLast(Strategy, panel));

        Assert.Contains("gap_fill needs 1Min bars", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_test_sessions_open_at_different_utc_hours_across_daylight_saving()
    {
        Assert.Equal(
            (new DateTimeOffset(2024, 1, 10, 14, 30, 0, TimeSpan.Zero), new DateTimeOffset(2024, 7, 10, 13, 30, 0, TimeSpan.Zero)),
            (MarketTimes.NewYorkTime(new DateOnly(2024, 1, 10), new TimeOnly(9, 30)), MarketTimes.NewYorkTime(new DateOnly(2024, 7, 10), new TimeOnly(9, 30))));
    }
}
