using ActorTrader.Cluster.WorkQueues;
using ActorTrader.Research.Evaluation;
using ActorTrader.Research.Evaluation.Distributed;
using ActorTrader.Research.Fitness;
using ActorTrader.Research.Genetics;
using ActorTrader.Research.Synthetic;
using ActorTrader.Research.Tests.Fitness;
using ActorTrader.Strategies.Catalog;

namespace ActorTrader.Research.Tests.Evaluation.Distributed;

/// <summary>A research node's handler of evaluation work, without a queue: payload in, the evaluator's result out (or a refusal).</summary>
public sealed class EvaluationWorkHandlerTests
{
    private static readonly PlantedMarket Market = PlantedMarket.Create(seed: 1);

    [Fact]
    public async Task The_result_read_back_is_the_evaluators_own_bit_for_bit()
    {
        var genome = Breakout.Genome(("hold_bars", 7));
        var handler = Handler(Market.Settings);

        var json = await handler.HandleAsync(Claim(genome, EvaluatorIdentity.Of(Market.Evaluator)), default);

        FitnessAssert.Identical(Market.Evaluator.Evaluate(genome), EvaluationJson.ReadResult(json, "k"));
    }

    [Fact]
    public async Task A_node_with_other_fitness_settings_refuses_the_work()
    {
        var handler = Handler(Market.Settings with { CostBps = 25 });

        var error = await Assert.ThrowsAsync<EvaluationWorkException>(() => handler.HandleAsync(Claim(Breakout.Genome(), EvaluatorIdentity.Of(Market.Evaluator)), default));

        Assert.Contains("Node n1 evaluates relative_volume_breakout with walk-forward", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix: give every research node the same actortrader.research.fitness settings", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_strategy_the_node_does_not_know_is_refused()
    {
        var handler = new EvaluationWorkHandler("n1", new StrategyCatalog([]), new PlantedDataSource(seed: 1), new WalkForwardEvaluatorFactory(Market.Settings));

        var error = await Assert.ThrowsAsync<EvaluationWorkException>(() => handler.HandleAsync(Claim(Breakout.Genome(), EvaluatorIdentity.Of(Market.Evaluator)), default));

        Assert.Contains("Node n1 does not know strategy relative_volume_breakout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_work_key_is_the_same_for_the_same_evaluation_and_differs_with_the_settings()
    {
        var genome = Breakout.Genome();
        var identity = EvaluatorIdentity.Of(Market.Evaluator);
        var otherSettings = EvaluatorIdentity.Of(new WalkForwardFitnessEvaluator(Market.Strategy, Market.Panel, Market.Window, Market.Settings with { CostBps = 25 }));

        Assert.Equal(EvaluationWorkKey.Of(Market.Window, identity, genome), EvaluationWorkKey.Of(Market.Window, identity, Breakout.Genome()));
        Assert.NotEqual(EvaluationWorkKey.Of(Market.Window, identity, genome), EvaluationWorkKey.Of(Market.Window, otherSettings, genome));
        Assert.NotEqual(EvaluationWorkKey.Of(Market.Window, identity, genome), EvaluationWorkKey.Of(Market.Window, identity, Breakout.Genome(("hold_bars", 7))));
        Assert.StartsWith("relative_volume_breakout/", EvaluationWorkKey.Of(Market.Window, identity, genome), StringComparison.Ordinal);
    }

    private static EvaluationWorkHandler Handler(FitnessSettings settings) =>
        new("n1", StrategyCatalog.Default, new PlantedDataSource(seed: 1), new WalkForwardEvaluatorFactory(settings));

    private static ClaimedWork Claim(Genome genome, string identity)
    {
        var work = new EvaluationWork(genome.Strategy, genome.Parameters.ToDictionary(p => p.Key, p => p.Value), null, Market.Window, identity);
        return new ClaimedWork(1, "research-evaluations", "k", EvaluationJson.Write(work), 1, Guid.NewGuid());
    }
}
