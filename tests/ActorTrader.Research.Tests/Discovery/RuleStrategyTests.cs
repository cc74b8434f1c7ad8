using ActorTrader.Research.Discovery;
using ActorTrader.Research.Synthetic;
using ActorTrader.Strategies.Parameters;

namespace ActorTrader.Research.Tests.Discovery;

/// <summary>A discovered rule as a strategy: long while the rule holds a symbol, equal weight, the same on any view of the data.</summary>
public sealed class RuleStrategyTests
{
    private const string Breakout = "entry: crosses_above(ret(14), 0.03); exit: or(lt(close, sma(50)), gt(rsi(14), 70))";

    [Fact]
    public void On_the_panel_it_was_built_on_it_signals_what_the_rule_computes_from_each_point_in_time_view()
    {
        var panel = PlantedMarket.Create().Panel;
        var rule = TradingRule.Parse(Breakout);
        var built = new RuleStrategy("discovery", rule, panel);
        var plain = new RuleStrategy("discovery", rule);

        var bars = Enumerable.Range(0, panel.TimeCount).Where(t => t % 7 == 0).ToList();
        var fromPositions = bars.Select(t => built.Evaluate(panel.AsOf(t), ParameterSet.Empty).Signals).ToList();
        var fromViews = bars.Select(t => plain.Evaluate(panel.AsOf(t), ParameterSet.Empty).Signals).ToList();

        Assert.Equal(fromViews.Select(s => string.Join(",", s)), fromPositions.Select(s => string.Join(",", s)));
        Assert.Contains(fromPositions, signals => signals.Count > 0);
    }

    [Fact]
    public void Every_held_symbol_gets_an_equal_share_of_the_symbols_in_the_panel()
    {
        var panel = PlantedMarket.Create(symbols: 4, years: 2).Panel;

        var signals = RuleStrategy.Discovery.Evaluate(panel.AsOf(panel.TimeCount - 1), ParameterSet.Empty).Signals;

        Assert.Equal(panel.Symbols, signals.Select(s => s.Symbol));
        Assert.All(signals, s => Assert.Equal(0.25, s.Target));
    }

    [Fact]
    public void The_discovery_strategy_has_no_parameters_and_refuses_any()
    {
        var panel = PlantedMarket.Create(symbols: 1, years: 2).Panel;

        Assert.Empty(RuleStrategy.Discovery.Parameters.Ranges);
        Assert.ThrowsAny<ArgumentException>(() => RuleStrategy.Discovery.Evaluate(panel.AsOf(10), new ParameterSet([KeyValuePair.Create("hold_bars", 8.0)])));
    }
}
