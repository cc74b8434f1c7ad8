using ActorTrader.Domain.Bars;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.RelativeVolumeBreakout;
using ActorTrader.Strategies.Tests.Support;
using static ActorTrader.Strategies.Tests.Strategies.StrategyTestKit;

namespace ActorTrader.Strategies.Tests.Strategies;

public sealed class RelativeVolumeBreakoutTests
{
    private const int Bars = 80;
    private static readonly RelativeVolumeBreakoutStrategy Strategy = new();

    // A range between 100 and 100.5 (highs at most 100.6), then the given closes and volumes at the end.
    private static BarPanel Panel(double[] tailCloses, double[] tailVolumes)
    {
        var close = Enumerable.Range(0, Bars).Select(i => i % 2 == 0 ? 100.0 : 100.5).ToArray();
        var volume = Series.Constant(Bars, 1_000_000);
        tailCloses.CopyTo(close, Bars - tailCloses.Length);
        tailVolumes.CopyTo(volume, Bars - tailVolumes.Length);
        return new PanelBuilder(MarketTimes.Daily(new DateOnly(2024, 1, 2), Bars), Timeframe.Day1).Add("NYSE:BRK", close, volume).Build();
    }

    [Fact]
    public void A_close_above_the_range_on_three_times_the_volume_is_bought()
    {
        var set = EvaluateLast(Strategy, Panel([105], [3_000_000]));

        Assert.Equal(1.0, Target(set, "NYSE:BRK"));
    }

    [Fact]
    public void A_close_above_the_range_on_ordinary_volume_is_ignored()
    {
        var set = EvaluateLast(Strategy, Panel([105], [1_100_000]));

        Assert.Empty(set.Signals);
    }

    [Fact]
    public void A_breakout_is_held_for_the_following_bars_while_above_its_stop()
    {
        var set = EvaluateLast(Strategy, Panel([105, 104, 103.5], [3_000_000, 1_000_000, 1_000_000]));

        Assert.Equal(1.0, Target(set, "NYSE:BRK"));
    }

    [Fact]
    public void A_close_below_the_stop_ends_the_trade()
    {
        var set = EvaluateLast(Strategy, Panel([105, 104, 90], [3_000_000, 1_000_000, 1_000_000]));

        Assert.Empty(set.Signals);
    }

    [Fact]
    public void A_breakout_older_than_the_holding_period_is_no_longer_held()
    {
        var set = EvaluateLast(Strategy, Panel([105, 104, 104, 104], [3_000_000, 1_000_000, 1_000_000, 1_000_000]), new() { ["hold_bars"] = 3 });

        Assert.Empty(set.Signals);
    }
}
