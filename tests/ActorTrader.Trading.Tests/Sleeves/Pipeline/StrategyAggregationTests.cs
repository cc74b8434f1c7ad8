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
    public void A_long_target_decided_at_the_last_close_is_the_long_candidates_current_exposure()
    {
        // Bar 12 is the panel's last: its decision is held from the next open, beyond every return period of the panel.
        var result = Aggregate(now => now switch { 3 => 0.4, 12 => 0.7, _ => 0 });

        var aaa = Assert.Single(result.Candidates, c => c.Symbol.Ticker == "AAA");
        Assert.Equal(CandidateDirection.Long, aaa.Direction);
        Assert.Equal(0.7, aaa.CurrentExposure);
        Assert.Equal(Periods, aaa.Exposure.Length);
        Assert.Equal(0.4, aaa.Exposure[3]);
        Assert.Equal(0, aaa.Exposure[Periods - 1]);
    }

    [Fact]
    public void A_short_target_at_the_last_close_is_the_short_candidates_current_exposure_and_the_long_one_holds_nothing()
    {
        var result = Aggregate(now => now switch { 3 => 0.5, 5 => -0.5, 12 => -0.8, _ => 0 });

        var candidates = result.Candidates.Where(c => c.Symbol.Ticker == "AAA").ToDictionary(c => c.Direction);
        Assert.Equal(0.8, candidates[CandidateDirection.Short].CurrentExposure);
        Assert.Equal(0, candidates[CandidateDirection.Long].CurrentExposure);
    }

    [Fact]
    public void A_strategy_flat_at_the_last_close_has_no_current_exposure_whatever_it_held_before()
    {
        var result = Aggregate(now => now is >= 3 and <= 11 ? 0.6 : 0);

        var aaa = Assert.Single(result.Candidates, c => c.Symbol.Ticker == "AAA");
        Assert.Equal(0.6, aaa.Exposure[Periods - 1]); // held over the last period (decided at bar 11)
        Assert.Equal(0, aaa.CurrentExposure);
    }

    [Fact]
    public void A_negative_current_exposure_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new CandidateStream("t", new Domain.Instruments.Symbol("NYSE", "AAA"), CandidateDirection.Long, new double[3], 0, 0, 0, currentExposure: -0.1));
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
