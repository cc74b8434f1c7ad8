using ActorTrader.Domain.Bars;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Tests.Support;
using ActorTrader.Strategies.VolManagedMomentum;
using static ActorTrader.Strategies.Tests.Strategies.StrategyTestKit;

namespace ActorTrader.Strategies.Tests.Strategies;

public sealed class VolManagedMomentumTests
{
    private const int Bars = 260;
    private static readonly VolManagedMomentumStrategy Strategy = new();

    private static BarPanel Panel(params (string Symbol, double Drift, double Wiggle)[] symbols)
    {
        var builder = new PanelBuilder(MarketTimes.Daily(new DateOnly(2023, 1, 3), Bars), Timeframe.Day1);
        foreach (var (symbol, drift, wiggle) in symbols) builder.Add(symbol, Trend(Bars, 100, drift, wiggle));
        return builder.Build();
    }

    // Annualised sample volatility of the last 63 simple returns, computed here independently of the strategy.
    private static double Volatility(BarPanel panel, string symbol)
    {
        var close = panel.AsOf(panel.TimeCount - 1).Close(panel.IndexOf(Domain.Instruments.Symbol.Parse(symbol)))[^64..].ToArray();
        var r = close.Skip(1).Select((c, i) => c / close[i] - 1).ToArray();
        var mean = r.Average();
        return Math.Sqrt(r.Sum(x => (x - mean) * (x - mean)) / (r.Length - 1) * 252);
    }

    [Fact]
    public void The_top_n_symbols_by_momentum_are_held()
    {
        var panel = Panel(("NYSE:A", 0.003, 0.001), ("NYSE:B", 0.002, 0.001), ("NYSE:C", 0.001, 0.001), ("NYSE:D", -0.001, 0.001));

        var set = EvaluateLast(Strategy, panel, new() { ["top_n"] = 2 });

        Assert.Equal(["NYSE:A", "NYSE:B"], set.Signals.Select(s => s.Symbol.ToString()));
    }

    [Fact]
    public void The_calmer_of_two_equal_winners_gets_the_larger_weight_in_inverse_proportion_to_volatility()
    {
        var panel = Panel(("NYSE:CALM", 0.002, 0.001), ("NYSE:WILD", 0.002, 0.003));

        var set = EvaluateLast(Strategy, panel);

        Assert.Equal(Volatility(panel, "NYSE:WILD") / Volatility(panel, "NYSE:CALM"), Target(set, "NYSE:CALM") / Target(set, "NYSE:WILD"), 9);
    }

    [Fact]
    public void A_volatile_book_is_scaled_so_its_volatility_bound_equals_the_target()
    {
        var panel = Panel(("NYSE:A", 0.002, 0.02), ("NYSE:B", 0.002, 0.03));

        var set = EvaluateLast(Strategy, panel, new() { ["target_vol"] = 0.15 });

        var bound = Target(set, "NYSE:A") * Volatility(panel, "NYSE:A") + Target(set, "NYSE:B") * Volatility(panel, "NYSE:B");
        Assert.Equal(0.15, bound, 9);
    }

    [Fact]
    public void Symbols_with_negative_momentum_are_not_held()
    {
        var panel = Panel(("NYSE:A", -0.001, 0.001), ("NYSE:B", -0.002, 0.001));

        var set = EvaluateLast(Strategy, panel);

        Assert.Empty(set.Signals);
    }
}
