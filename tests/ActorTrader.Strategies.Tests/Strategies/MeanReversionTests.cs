using ActorTrader.Domain.Bars;
using ActorTrader.Strategies.MeanReversion;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Tests.Support;
using static ActorTrader.Strategies.Tests.Strategies.StrategyTestKit;

namespace ActorTrader.Strategies.Tests.Strategies;

public sealed class MeanReversionTests
{
    private static readonly MeanReversionStrategy Strategy = new();

    // Trigger on the z-score alone so the expected signal follows from z = (x − mean)/sd over 20 bars.
    private static readonly Dictionary<string, double> ZScoreOnly = new() { ["trigger"] = 0 };

    private static BarPanel Panel(params double[] tail)
    {
        var random = new Random(7);
        var quiet = Enumerable.Range(0, 100).Select(_ => 100 + 0.3 * Series.Normal(random)).ToList();
        var moved = quiet.Take(100 - tail.Length).Concat(tail).ToArray();
        var times = MarketTimes.Daily(new DateOnly(2024, 1, 2), 100);
        return new PanelBuilder(times, Timeframe.Day1).Add("NYSE:DROP", moved).Add("NYSE:QUIET", [.. quiet]).Build();
    }

    [Fact]
    public void A_close_three_sigma_below_its_mean_is_bought()
    {
        var set = EvaluateLast(Strategy, Panel(97), ZScoreOnly);

        Assert.Equal(new Dictionary<string, double> { ["NYSE:DROP"] = 1.0 }, Targets(set));
    }

    [Fact]
    public void A_quiet_series_stays_flat()
    {
        var set = EvaluateLast(Strategy, Panel(100.1), ZScoreOnly);

        Assert.Empty(set.Signals);
    }

    [Fact]
    public void A_long_is_kept_while_the_close_stays_below_its_mean()
    {
        var set = EvaluateLast(Strategy, Panel(97, 97.5), ZScoreOnly);

        Assert.Equal(1.0, Target(set, "NYSE:DROP"));
    }

    [Fact]
    public void A_long_is_closed_once_the_close_is_back_above_its_mean()
    {
        var set = EvaluateLast(Strategy, Panel(97, 101), ZScoreOnly);

        Assert.Empty(set.Signals);
    }

    [Fact]
    public void An_overbought_close_is_shorted_when_allow_short_is_set()
    {
        var set = EvaluateLast(Strategy, Panel(103), new() { ["trigger"] = 0, ["allow_short"] = 1 });

        Assert.Equal(-1.0, Target(set, "NYSE:DROP"));
    }

    [Fact]
    public void An_overbought_close_is_not_shorted_by_default()
    {
        var set = EvaluateLast(Strategy, Panel(103), ZScoreOnly);

        Assert.Empty(set.Signals);
    }

    [Fact]
    public void A_falling_run_oversold_on_the_rsi_is_bought_by_the_rsi_trigger()
    {
        // Ten falling closes in a row push Wilder's RSI(14) far below 30.
        var set = EvaluateLast(Strategy, Panel([.. Enumerable.Range(1, 10).Select(i => 100 - 0.4 * i)]), new() { ["trigger"] = 1 });

        Assert.Equal(1.0, Target(set, "NYSE:DROP"));
    }
}
