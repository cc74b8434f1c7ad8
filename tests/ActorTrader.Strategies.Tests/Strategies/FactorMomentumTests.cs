using ActorTrader.Domain.Bars;
using ActorTrader.Strategies.FactorMomentum;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Tests.Support;
using static ActorTrader.Strategies.Tests.Strategies.StrategyTestKit;

namespace ActorTrader.Strategies.Tests.Strategies;

/// <summary>
/// FAST has the best 12-1 momentum but is volatile; STEADY has the lowest volatility; DIPPED trends up slowly but fell 8%
/// in the last five bars (the short-term reversal pick).
/// </summary>
public sealed class FactorMomentumTests
{
    private const int Bars = 260;
    private static readonly FactorMomentumStrategy Strategy = new();

    private static BarPanel Panel()
    {
        var dipped = Trend(Bars, 100, 0.0008, 0.004);
        for (var i = Bars - 5; i < Bars; i++) dipped[i] *= 0.92;
        return new PanelBuilder(MarketTimes.Daily(new DateOnly(2023, 1, 3), Bars), Timeframe.Day1)
            .Add("NYSE:FAST", Trend(Bars, 100, 0.003, 0.015))
            .Add("NYSE:STEADY", Trend(Bars, 100, 0.0005, 0.001))
            .Add("NYSE:DIPPED", dipped)
            .Build();
    }

    private static string Pick(double momentum, double lowVol, double reversal)
    {
        var set = EvaluateLast(Strategy, Panel(), new()
        {
            ["momentum_weight"] = momentum, ["low_vol_weight"] = lowVol, ["reversal_weight"] = reversal, ["top_n"] = 1,
        });
        return Assert.Single(set.Signals).Symbol.ToString();
    }

    [Fact]
    public void Momentum_alone_picks_the_strongest_trend() => Assert.Equal("NYSE:FAST", Pick(1, 0, 0));

    [Fact]
    public void Low_volatility_alone_picks_the_calmest_stock() => Assert.Equal("NYSE:STEADY", Pick(0, 1, 0));

    [Fact]
    public void Reversal_alone_picks_the_recent_loser() => Assert.Equal("NYSE:DIPPED", Pick(0, 0, 1));

    [Fact]
    public void All_weights_at_zero_stay_flat_and_say_why()
    {
        var set = EvaluateLast(Strategy, Panel(), new() { ["momentum_weight"] = 0, ["low_vol_weight"] = 0, ["reversal_weight"] = 0 });

        Assert.Empty(set.Signals);
        Assert.Contains("every factor weight is 0", Assert.Single(set.Events).Detail, StringComparison.Ordinal);
    }
}
