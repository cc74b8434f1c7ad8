using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;
using ActorTrader.Research.Discovery;
using ActorTrader.Research.Randomness;
using ActorTrader.Research.Tests.Genetics;
using ActorTrader.Strategies.Panel;
using FsCheck.Fluent;

namespace ActorTrader.Research.Tests.Discovery;

public sealed class RuleEvaluatorTests
{
    private static readonly double[] UpThenDown = [1, 2, 3, 4, 5, 4, 3, 2, 1];

    [Fact]
    public void A_comparison_holds_where_its_inequality_does_and_is_false_in_the_warm_up()
    {
        var holds = RuleEvaluator.Evaluate(RuleParser.ParseCondition("gt(close, sma(3))"), new PriceSeries(UpThenDown));

        Assert.Equal([false, false, true, true, true, false, false, false, false], holds);
    }

    [Fact]
    public void A_crossing_holds_only_on_the_bar_it_happens()
    {
        var holds = RuleEvaluator.Evaluate(RuleParser.ParseCondition("crosses_below(close, sma(3))"), new PriceSeries(UpThenDown));

        Assert.Equal([false, false, false, false, false, true, false, false, false], holds);
    }

    [Fact]
    public void Not_and_or_combine_bar_by_bar()
    {
        var series = new PriceSeries(UpThenDown);

        var result = RuleEvaluator.Evaluate(RuleParser.ParseCondition("or(and(gt(close, 2), lt(close, 4)), not(gt(close, 1.5)))"), series);

        Assert.Equal([true, false, true, false, false, false, true, false, true], result);
    }

    [Fact]
    public void Positions_go_long_on_entry_and_flat_on_exit()
    {
        var rule = TradingRule.Parse("entry: gt(close, sma(3)); exit: crosses_below(close, sma(3))");

        Assert.Equal([0, 0, 1, 1, 1, 0, 0, 0, 0], RuleEvaluator.Positions(rule, UpThenDown));
    }

    [Fact]
    public void An_exit_on_the_entry_bar_keeps_the_rule_flat()
    {
        var rule = TradingRule.Parse("entry: gt(close, 0.5); exit: gt(close, 3.5)");

        Assert.Equal([1, 1, 1, 0, 0, 0, 1, 1, 1], RuleEvaluator.Positions(rule, UpThenDown));
    }

    [Fact]
    public void The_indicator_series_match_their_definitions()
    {
        double[] closes = [100, 110, 99, 108.9, 120];
        var series = new PriceSeries(closes);

        var ret = series.Values(new Indicator(IndicatorKind.Return, 2));
        var vol = series.Values(new Indicator(IndicatorKind.Volatility, 2));

        Assert.Equal(0.99 - 1, ret[2], 12);
        Assert.Equal(108.9 / 110 - 1, ret[3], 12);
        var r = new[] { 0.1, 99 / 110.0 - 1 };
        Assert.Equal(Math.Abs(r[0] - r[1]) / Math.Sqrt(2), vol[2], 12);
        Assert.True(double.IsNaN(vol[1]));
    }

    [Fact]
    public void Signals_at_a_bar_do_not_change_when_later_bars_are_removed()
    {
        PropertyCheck.Holds(RuleGens.LiveRule.Zip(PropertyCheck.Seeds), input =>
        {
            var (rule, seed) = input;
            return IsCausal(rule, RuleGens.Walk(seed, 80));
        }, tests: 60);
    }

    [Fact]
    public void Generated_rules_do_not_change_their_past_signals_when_later_bars_are_removed()
    {
        var generator = new RuleGenerator(DiscoverySettings.Default with { Windows = [2, 3, 5, 10, 14, 20], MaxDepth = 6, InitialMaxDepth = 6 });

        PropertyCheck.Holds(PropertyCheck.Seeds, seed => IsCausal(generator.Rule(new ResearchRandom(seed)), RuleGens.Walk(seed, 80)), tests: 60);
    }

    [Fact]
    public void The_causality_test_rules_do_trade()
    {
        var generator = new RuleGenerator(DiscoverySettings.Default with { Windows = [2, 3, 5, 10, 14, 20], MaxDepth = 6, InitialMaxDepth = 6 });

        var trading = Enumerable.Range(0, 60).Count(seed =>
        {
            var positions = RuleEvaluator.Positions(generator.Rule(new ResearchRandom((ulong)seed)), RuleGens.Walk((ulong)seed, 80));
            return positions.Contains(0) && positions.Contains(1);
        });

        Assert.True(trading >= 15, $"only {trading} of 60 generated rules both held and left a position");
    }

    /// <summary>Entry, exit and positions on every prefix equal the full series' values up to the prefix's end.</summary>
    private static bool IsCausal(TradingRule rule, double[] closes)
    {
        var full = new PriceSeries(closes);
        var entry = RuleEvaluator.Evaluate(rule.Entry, full);
        var exit = RuleEvaluator.Evaluate(rule.Exit, full);
        var positions = RuleEvaluator.Positions(rule, full);
        for (var cut = 1; cut <= closes.Length; cut++)
        {
            var prefix = new PriceSeries(closes.AsSpan(0, cut));
            if (!entry.AsSpan(0, cut).SequenceEqual(RuleEvaluator.Evaluate(rule.Entry, prefix)) ||
                !exit.AsSpan(0, cut).SequenceEqual(RuleEvaluator.Evaluate(rule.Exit, prefix)) ||
                !positions.AsSpan(0, cut).SequenceEqual(RuleEvaluator.Positions(rule, prefix)))
                return false;
        }
        return true;
    }

    [Fact]
    public void Panel_bars_before_a_listing_are_flat_and_gaps_repeat_the_last_close()
    {
        var times = Enumerable.Range(0, 9).Select(i => new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(i)).ToArray();
        var listed = new[] { double.NaN, double.NaN, 1, 2, double.NaN, 4, 5, 4, 3 };
        var filled = new double[] { 1, 2, 2, 4, 5, 4, 3 };
        var symbol = new Symbol("NASDAQ", "ABC");
        var columns = new[] { listed };
        var panel = BarPanel.FromColumns(Timeframe.Day1, [symbol], times, columns, columns, columns, columns, [Enumerable.Repeat(1.0, 9).ToArray()]);
        var rule = TradingRule.Parse("entry: gt(close, sma(2)); exit: lt(close, sma(2))");

        var positions = RuleEvaluator.Positions(rule, panel, symbol);

        Assert.Equal(new[] { 0, 0 }.Concat(RuleEvaluator.Positions(rule, filled)), positions);
    }

    [Fact]
    public void A_symbol_missing_from_the_panel_is_named()
    {
        var times = new[] { new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero) };
        var columns = new[] { new[] { 1.0 } };
        var panel = BarPanel.FromColumns(Timeframe.Day1, [new Symbol("NASDAQ", "ABC")], times, columns, columns, columns, columns, columns);

        var error = Assert.Throws<ArgumentException>(() => RuleEvaluator.Positions(TradingRule.Parse("entry: gt(close, 0); exit: lt(close, 0)"), panel, new Symbol("NYSE", "XYZ")));

        Assert.Contains("XYZ is not in the panel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_positive_close_is_refused_naming_its_index()
    {
        var error = Assert.Throws<ArgumentException>(() => new PriceSeries([1, 2, 0, 3]));

        Assert.Contains("closes[2] is 0", error.Message, StringComparison.Ordinal);
    }
}
