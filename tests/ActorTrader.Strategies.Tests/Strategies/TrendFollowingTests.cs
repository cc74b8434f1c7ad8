using ActorTrader.Domain.Bars;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Tests.Support;
using ActorTrader.Strategies.TrendFollowing;
using static ActorTrader.Strategies.Tests.Strategies.StrategyTestKit;

namespace ActorTrader.Strategies.Tests.Strategies;

/// <summary>
/// Follows the moving-average rating: in a steady trend the close is above (below) all 15 averages, so Recommend.MA is
/// +1 (−1), well past the 0.5 entry.
/// </summary>
public sealed class TrendFollowingTests
{
    private const int Bars = 300;
    private static readonly TrendFollowingStrategy Strategy = new();

    private static BarPanel Steady(double drift) =>
        new PanelBuilder(MarketTimes.Daily(new DateOnly(2023, 1, 3), Bars), Timeframe.Day1).Add("NYSE:TRD", Trend(Bars, 100, drift, 0.001)).Build();

    private static double Target(BarPanel panel, int direction) =>
        StrategyTestKit.Target(EvaluateLast(Strategy, panel, new() { ["rating"] = 1, ["direction"] = direction }), "NYSE:TRD");

    [Fact]
    public void A_long_sleeve_buys_a_steady_uptrend() => Assert.Equal(1.0, Target(Steady(0.003), direction: 0));

    [Fact]
    public void A_long_sleeve_stays_out_of_a_downtrend() => Assert.Equal(0.0, Target(Steady(-0.003), direction: 0));

    [Fact]
    public void A_short_sleeve_shorts_a_steady_downtrend_with_a_negative_target() => Assert.Equal(-1.0, Target(Steady(-0.003), direction: 1));

    [Fact]
    public void A_short_sleeve_stays_out_of_an_uptrend() => Assert.Equal(0.0, Target(Steady(0.003), direction: 1));

    [Fact]
    public void Both_directions_short_a_downtrend() => Assert.Equal(-1.0, Target(Steady(-0.003), direction: 2));

    [Fact]
    public void Too_little_history_for_the_200_bar_averages_stays_flat()
    {
        var panel = new PanelBuilder(MarketTimes.Daily(new DateOnly(2023, 1, 3), 200), Timeframe.Day1).Add("NYSE:TRD", Trend(200, 100, 0.003, 0.001)).Build();

        Assert.Equal(0.0, Target(panel, direction: 0));
    }
}
