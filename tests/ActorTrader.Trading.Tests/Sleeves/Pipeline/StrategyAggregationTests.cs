using ActorTrader.Strategies.Parameters;
using ActorTrader.Strategies.Signals;
using ActorTrader.Trading.Sleeves.Pipeline;

namespace ActorTrader.Trading.Tests.Sleeves.Pipeline;

public sealed class StrategyAggregationTests
{
    private const int Periods = 12;
    private static readonly Strategies.Panel.BarPanel Panel = Streams.Panel(Periods, "AAA", "BBB");
    private static readonly ReturnAxis Axis = ReturnAxis.Of(Panel);

    private static StrategyCandidates Aggregate(Func<int, double> targetOfAaa) =>
        StrategyAggregation.Compute(
            new TestStrategy("t", panel => [new StrategySignal(panel.Symbols[0], targetOfAaa(panel.Now))]),
            ParameterSet.Empty, Panel, Axis);

    [Fact]
    public void A_position_decided_at_the_close_of_bar_t_earns_the_return_of_bar_t_plus_one()
    {
        var result = Aggregate(now => now == 5 ? 0.5 : 0);

        var aaa = Assert.Single(result.Candidates, c => c.Symbol.Ticker == "AAA");
        var expected = new double[Periods];
        // Period 5 runs from the close of bar 5 to the close of bar 6.
        expected[5] = 0.5 * (Panel.AsOf(6).CloseAt(0, 6) / Panel.AsOf(6).CloseAt(0, 5) - 1);
        Assert.Equal(expected, aaa.Raw.ToArray());
        Assert.Equal(0.5, aaa.Exposure[5]);
        Assert.Equal((CandidateDirection.Long, 1, 1, 1), (aaa.Direction, aaa.ActiveBars, aaa.Trades, aaa.FirstObservation));
    }

    [Fact]
    public void A_short_target_gives_a_short_candidate_carrying_the_assets_own_return()
    {
        var result = Aggregate(now => now is 3 or 4 ? -1 : 0);

        var aaa = Assert.Single(result.Candidates, c => c.Symbol.Ticker == "AAA");
        Assert.Equal(CandidateDirection.Short, aaa.Direction);
        Assert.Equal(Axis.AssetReturns(0)[3], aaa.Raw[3]);
        Assert.Equal(Axis.AssetReturns(0)[4], aaa.Raw[4]);
        Assert.Equal((2, 1), (aaa.ActiveBars, aaa.Trades));
    }

    [Fact]
    public void A_symbol_the_strategy_never_traded_gives_one_flat_candidate_for_strict_health_to_report()
    {
        var result = Aggregate(_ => 1);

        var bbb = Assert.Single(result.Candidates, c => c.Symbol.Ticker == "BBB");
        Assert.Equal(0, bbb.ActiveBars);
        Assert.All(bbb.Raw.ToArray(), r => Assert.Equal(0, r));
    }
}
