using ActorTrader.Research.Discovery;
using ActorTrader.Research.Fitness;
using ActorTrader.Research.Genetics;
using ActorTrader.Research.Synthetic;

namespace ActorTrader.Research.Tests.Fitness;

/// <summary>The fitness of a discovered rule: the pinned walk-forward of its rule strategy, with the same costs, penalties and failures.</summary>
public sealed class RuleFitnessTests
{
    private static readonly PlantedMarket Market = PlantedMarket.Create();

    private static Genome Rule(string text) => Genome.ForRule(RuleStrategy.DiscoveryName, TradingRule.Parse(text));

    private static WalkForwardFitnessEvaluator Evaluator(FitnessSettings? settings = null) =>
        new(RuleStrategy.Discovery, Market.Panel, Market.Window, settings);

    [Fact]
    public void A_rule_is_scored_on_the_pinned_window_bit_for_bit_alike_by_any_evaluator()
    {
        var genome = Rule("entry: crosses_above(ret(14), 0.03); exit: lt(close, sma(20))");

        var first = Evaluator().Evaluate(genome);
        var second = Evaluator().Evaluate(genome);

        Assert.Null(first.Reason);
        Assert.Equal(Market.Window, first.Window);
        Assert.True(first.Trades >= FitnessSettings.Default.MinimumTrades, $"{first.Trades} trades");
        Assert.Equal(BitConverter.DoubleToInt64Bits(first.Fitness), BitConverter.DoubleToInt64Bits(second.Fitness));
        Assert.Equal(first.DailyReturns, second.DailyReturns);
    }

    [Fact]
    public void A_rule_pays_the_configured_trading_costs()
    {
        var genome = Rule("entry: crosses_above(ret(14), 0.03); exit: lt(close, sma(20))");

        var free = Evaluator(FitnessSettings.Default with { CostBps = 0 }).Evaluate(genome);
        var costly = Evaluator(FitnessSettings.Default with { CostBps = 50 }).Evaluate(genome);

        Assert.True(costly.Fitness < free.Fitness, $"fitness with costs {costly.Fitness} is not below {free.Fitness} without");
        Assert.Equal(free.Trades, costly.Trades);
    }

    [Fact]
    public void A_rule_that_never_enters_scores_the_worst_fitness_with_the_reason()
    {
        var result = Evaluator().Evaluate(Rule("entry: lt(close, 0); exit: gt(close, 0)"));

        Assert.True(result.IsWorst);
        Assert.Equal(FitnessResult.WorstFitness, result.Fitness);
        Assert.Contains("0 trade(s)", result.Reason);
        Assert.Contains("discovery{entry: lt(close, 0)", result.Reason);
    }

    [Fact]
    public void A_rule_whose_returns_never_vary_scores_the_worst_fitness_because_its_statistics_are_undefined()
    {
        // With no minimum of trades, a rule that never enters reaches scoring: flat returns have no Sharpe.
        var result = Evaluator(FitnessSettings.Default with { MinimumTrades = 0 }).Evaluate(Rule("entry: lt(close, 0); exit: gt(close, 0)"));

        Assert.True(result.IsWorst);
        Assert.Contains("NaN", result.Reason);
    }
}
