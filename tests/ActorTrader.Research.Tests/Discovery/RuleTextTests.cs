using ActorTrader.Research.Discovery;
using ActorTrader.Research.Tests.Genetics;

namespace ActorTrader.Research.Tests.Discovery;

public sealed class RuleTextTests
{
    private const string Canonical =
        "entry: and(gt(close, sma(50)), not(crosses_below(rsi(14), 30))); exit: or(lt(ret(5), -0.05), crosses_above(zscore(20), 2.5))";

    [Fact]
    public void A_rule_prints_in_its_canonical_text_form()
    {
        var rule = new TradingRule(
            new AndCondition(
                new Comparison(ComparisonOperator.GreaterThan, Indicator.Close, new Indicator(IndicatorKind.Sma, 50)),
                new NotCondition(new Comparison(ComparisonOperator.CrossesBelow, new Indicator(IndicatorKind.Rsi, 14), new Constant(30)))),
            new OrCondition(
                new Comparison(ComparisonOperator.LessThan, new Indicator(IndicatorKind.Return, 5), new Constant(-0.05)),
                new Comparison(ComparisonOperator.CrossesAbove, new Indicator(IndicatorKind.ZScore, 20), new Constant(2.5))));

        Assert.Equal(Canonical, rule.ToString());
    }

    [Fact]
    public void Canonical_text_parses_and_prints_back_identically()
    {
        Assert.Equal(Canonical, TradingRule.Parse(Canonical).ToString());
    }

    [Fact]
    public void Whitespace_between_tokens_does_not_matter()
    {
        var spaced = "  entry :and( gt(close,sma( 50 )) ,not(crosses_below(rsi(14),30)))\n;\texit: or(lt(ret(5),-0.05),crosses_above(zscore(20),2.5))  ";

        Assert.Equal(TradingRule.Parse(Canonical), TradingRule.Parse(spaced));
    }

    [Fact]
    public void Every_rule_survives_a_text_round_trip()
    {
        PropertyCheck.Holds(RuleGens.Rule, rule => TradingRule.Parse(rule.ToString()) == rule, tests: 300);
    }

    [Fact]
    public void Every_constant_survives_a_text_round_trip_bit_for_bit()
    {
        PropertyCheck.Holds(RuleGens.FiniteDouble, value =>
        {
            var parsed = RuleParser.ParseCondition(new Comparison(ComparisonOperator.GreaterThan, Indicator.Close, new Constant(value)).ToString());
            var back = ((Constant)((Comparison)parsed).Right).Value;
            return BitConverter.DoubleToInt64Bits(back) == BitConverter.DoubleToInt64Bits(value);
        }, tests: 500);
    }

    [Fact]
    public void A_missing_bracket_is_reported_at_the_token_found_instead()
    {
        const string text = "entry: gt(close, sma(50); exit: lt(close, sma(50))";

        var error = Assert.Throws<RuleParseException>(() => TradingRule.Parse(text));

        Assert.Equal((text.IndexOf(';', StringComparison.Ordinal), ";"), (error.Position, error.Token));
        Assert.Contains("position 24 (token ';'): expected ')'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_indicator_is_reported_by_name_and_position()
    {
        const string text = "gt(close, smaa(5))";

        var error = Assert.Throws<RuleParseException>(() => RuleParser.ParseCondition(text));

        Assert.Equal((10, "smaa"), (error.Position, error.Token));
    }

    [Fact]
    public void A_window_below_two_is_reported_at_the_window()
    {
        const string text = "lt(vol(1), 0.02)";

        var error = Assert.Throws<RuleParseException>(() => RuleParser.ParseCondition(text));

        Assert.Equal((7, "1"), (error.Position, error.Token));
        Assert.Contains("window of vol must be a whole number in [2, 10000]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_number_is_reported_as_written()
    {
        var error = Assert.Throws<RuleParseException>(() => RuleParser.ParseCondition("gt(rsi(14), 1.2.3)"));

        Assert.Equal((12, "1.2.3"), (error.Position, error.Token));
    }

    [Fact]
    public void A_constant_on_the_left_is_refused()
    {
        var error = Assert.Throws<RuleParseException>(() => RuleParser.ParseCondition("gt(30, rsi(14))"));

        Assert.Equal((3, "30"), (error.Position, error.Token));
        Assert.Contains("left side of a comparison must be an indicator", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_stops_early_is_reported_at_its_end()
    {
        const string text = "and(gt(close, sma(5)),";

        var error = Assert.Throws<RuleParseException>(() => RuleParser.ParseCondition(text));

        Assert.Equal((text.Length, "end of text"), (error.Position, error.Token));
    }

    [Fact]
    public void Trailing_text_is_refused()
    {
        var error = Assert.Throws<RuleParseException>(() => RuleParser.ParseCondition("gt(close, sma(5)) extra"));

        Assert.Equal((18, "extra"), (error.Position, error.Token));
    }

    [Fact]
    public void An_unexpected_character_is_reported()
    {
        var error = Assert.Throws<RuleParseException>(() => RuleParser.ParseCondition("gt(close, #)"));

        Assert.Equal((10, "#"), (error.Position, error.Token));
    }

    [Fact]
    public void Nesting_deeper_than_the_parser_limit_is_refused_without_exhausting_the_stack()
    {
        var text = string.Concat(Enumerable.Repeat("not(", 100)) + "gt(close, sma(5))" + new string(')', 100);

        var error = Assert.Throws<RuleParseException>(() => RuleParser.ParseCondition(text));

        Assert.Contains("nested more than 64 deep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_needs_both_entry_and_exit()
    {
        var error = Assert.Throws<RuleParseException>(() => TradingRule.Parse("entry: gt(close, sma(5))"));

        Assert.Equal("end of text", error.Token);
        Assert.Contains("expected ';'", error.Message, StringComparison.Ordinal);
    }
}
