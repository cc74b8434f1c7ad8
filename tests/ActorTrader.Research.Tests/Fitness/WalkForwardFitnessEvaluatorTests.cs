using ActorTrader.Research.Fitness;
using ActorTrader.Research.Synthetic;
using ActorTrader.Strategies.Catalog;

namespace ActorTrader.Research.Tests.Fitness;

public sealed class WalkForwardFitnessEvaluatorTests
{
    private static readonly PlantedMarket Market = PlantedMarket.Create(seed: 11);

    [Fact]
    public void Fitness_is_the_test_fold_sharpe_less_the_drawdown_and_turnover_penalties()
    {
        var settings = new FitnessSettings { DrawdownPenalty = 3, TurnoverPenalty = 0.01 };
        var evaluator = new WalkForwardFitnessEvaluator(Market.Strategy, Market.Panel, Market.Window, settings);

        var result = evaluator.Evaluate(Breakout.Genome(("hold_bars", 12)));

        Assert.Null(result.Reason);
        Assert.True(result.MaxDrawdown > 0 && result.Turnover > 0);
        Assert.Equal(result.Sharpe - 3 * result.MaxDrawdown - 0.01 * result.Turnover, result.Fitness, 12);
    }

    [Fact]
    public void The_deflated_sharpe_is_that_of_the_daily_returns_among_the_configured_trials()
    {
        var evaluator = new WalkForwardFitnessEvaluator(Market.Strategy, Market.Panel, Market.Window, new FitnessSettings { Trials = 5000 });

        var result = evaluator.Evaluate(Breakout.Genome(("hold_bars", 11), ("volume_multiple", 1.5)));

        Assert.Equal(DeflatedSharpe.Compute(result.DailyReturns, 5000), result.DeflatedSharpe, 12);
        Assert.InRange(result.DeflatedSharpe, 0, 1);
    }

    [Fact]
    public void Daily_returns_cover_exactly_the_stitched_test_folds()
    {
        var result = Market.Evaluator.Evaluate(Market.Optimum.Genome);

        // 504 in-sample bars, folds of 126 train + 63 test: six test folds after the first train part.
        Assert.Equal(504 - 126, Market.Evaluator.TestBars);
        Assert.Equal(Market.Evaluator.TestBars, result.DailyReturns.Count);
        Assert.Equal(126, Market.Evaluator.TestStart);
    }

    [Fact]
    public void The_behaviour_descriptor_has_five_bounded_entries()
    {
        var result = Market.Evaluator.Evaluate(Market.Optimum.Genome);

        Assert.Equal(BehaviourDescriptor.Length, result.Behaviour.Count);
        Assert.InRange(result.Behaviour[0], 0.01, 1);   // gross exposure: long while a breakout is held
        Assert.InRange(result.Behaviour[1], 0.01, 1);   // net exposure: long only
        Assert.InRange(result.Behaviour[2], 0.001, 1);  // trade frequency
        Assert.InRange(result.Behaviour[3], -1, 1);     // squashed skew
        Assert.InRange(result.Behaviour[4], -1, 1);     // correlation with buy & hold
        Assert.Equal(result.Behaviour[0], result.Behaviour[1], 12); // no shorts: gross equals net
    }

    [Fact]
    public void Fitness_for_the_same_genome_is_identical_across_generations()
    {
        var evaluator = Market.Evaluator;
        var genome = Breakout.Genome(("hold_bars", 9), ("volume_multiple", 3));
        var first = evaluator.Evaluate(genome);

        // Later "generations": other genomes evaluated in between, then the same genome again.
        for (var generation = 0; generation < 3; generation++)
        {
            evaluator.Evaluate(Breakout.Genome(("hold_bars", 3 + generation)));
            Bits.Identical(first, evaluator.Evaluate(genome));
        }
    }

    [Fact]
    public void Evaluators_built_separately_from_the_same_data_give_bit_identical_results()
    {
        var other = PlantedMarket.Create(seed: 11);
        var genomes = new[] { Market.Optimum.Genome, Breakout.Genome(("hold_bars", 5)), Breakout.Genome(("volume_multiple", 1.2), ("hold_bars", 20)) };

        foreach (var genome in genomes) Bits.Identical(Market.Evaluator.Evaluate(genome), other.Evaluator.Evaluate(genome));
    }

    [Fact]
    public void Parallel_evaluations_give_the_sequential_results()
    {
        var genomes = Enumerable.Range(1, 12).Select(h => Breakout.Genome(("hold_bars", h))).ToArray();
        var sequential = genomes.Select(g => Market.Evaluator.Evaluate(g)).ToArray();

        var parallel = new FitnessResult[genomes.Length];
        Parallel.For(0, genomes.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = Market.Evaluator.Evaluate(genomes[i]));

        for (var i = 0; i < genomes.Length; i++) Bits.Identical(sequential[i], parallel[i]);
    }

    [Fact]
    public void Every_result_records_the_pinned_window()
    {
        var throwing = TestStrategy.Throwing();
        var failing = new WalkForwardFitnessEvaluator(throwing, Market.Panel, Market.Window);
        var results = new[]
        {
            Market.Evaluator.Evaluate(Market.Optimum.Genome),
            Market.Evaluator.Evaluate(Breakout.Genome(("volume_multiple", 10))),
            Market.Evaluator.Evaluate(throwing.Genome()),
            failing.Evaluate(throwing.Genome()),
        };

        Assert.All(results, r => Assert.Same(Market.Window, r.Window));
    }

    [Fact]
    public void A_strategy_that_throws_scores_worst_with_the_genome_and_the_exception_in_the_reason()
    {
        var strategy = TestStrategy.Throwing();
        var evaluator = new WalkForwardFitnessEvaluator(strategy, Market.Panel, Market.Window);
        var genome = strategy.Genome(7);

        var result = evaluator.Evaluate(genome);

        Assert.Equal(FitnessResult.WorstFitness, result.Fitness);
        Assert.True(result.IsWorst);
        Assert.Contains(genome.Key, result.Reason, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException: the rule divided by zero", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_few_trades_score_worst_with_the_count_and_the_minimum_in_the_reason()
    {
        var genome = Breakout.Genome(("volume_multiple", 10));

        var result = Market.Evaluator.Evaluate(genome);

        Assert.True(result.IsWorst);
        Assert.Contains(genome.Key, result.Reason, StringComparison.Ordinal);
        Assert.Contains("0 trade(s) in the test folds, fewer than the minimum 10", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_whose_returns_do_not_vary_scores_worst_because_its_sharpe_is_undefined()
    {
        // Flat prices and no cost: the strategy trades every bar and every return is exactly 0, so the Sharpe is NaN.
        var panel = TestPanels.Flat(2, 400);
        var window = PinnedWindowFactory.Create(panel, 0.75);
        var strategy = TestStrategy.Alternating();
        var evaluator = new WalkForwardFitnessEvaluator(strategy, panel, window, new FitnessSettings { CostBps = 0 });

        var result = evaluator.Evaluate(strategy.Genome());

        Assert.True(result.IsWorst);
        Assert.Contains("the Sharpe of the test folds is NaN", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_genome_of_another_strategy_scores_worst()
    {
        var genome = TestStrategy.Alternating().Genome();

        var result = Market.Evaluator.Evaluate(genome);

        Assert.True(result.IsWorst);
        Assert.Contains("the genome is for strategy alternating, this evaluator scores relative_volume_breakout", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_evaluation_never_decides_on_an_out_of_sample_bar()
    {
        var outOfSampleStart = Market.Panel.Times.First(t => DateOnly.FromDateTime(t.UtcDateTime) >= Market.Window.OutOfSampleStart);
        var strategy = TestStrategy.Tripwire(outOfSampleStart);
        var evaluator = new WalkForwardFitnessEvaluator(strategy, Market.Panel, Market.Window);

        var result = evaluator.Evaluate(strategy.Genome());

        Assert.Null(result.Reason);
    }

    [Fact]
    public void The_tripwire_strategy_fails_when_it_is_asked_to_decide_past_its_date()
    {
        var inTestFolds = Market.Panel.Times[300];
        var strategy = TestStrategy.Tripwire(inTestFolds);
        var evaluator = new WalkForwardFitnessEvaluator(strategy, Market.Panel, Market.Window);

        var result = evaluator.Evaluate(strategy.Genome());

        Assert.Contains("at or after the tripwire", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Poisoned_out_of_sample_bars_do_not_change_any_fitness()
    {
        var (open, high, low, close, volume) = TestPanels.Columns(Market.Panel);
        var firstOutOfSample = Enumerable.Range(0, Market.Panel.TimeCount)
            .First(t => DateOnly.FromDateTime(Market.Panel.Times[t].UtcDateTime) >= Market.Window.OutOfSampleStart);
        for (var s = 0; s < close.Length; s++)
        {
            for (var t = firstOutOfSample; t < close[s].Length; t++)
            {
                (open[s][t], high[s][t], low[s][t], close[s][t], volume[s][t]) = (double.NaN, -1, 1e300, double.NaN, double.PositiveInfinity);
            }
        }
        var poisoned = TestPanels.Rebuild(Market.Panel, open, high, low, close, volume);
        var window = PinnedWindowFactory.Create(poisoned, PlantedMarket.InSampleFraction);
        var evaluator = new WalkForwardFitnessEvaluator(Market.Strategy, poisoned, window);

        foreach (var genome in new[] { Market.Optimum.Genome, Breakout.Genome(("hold_bars", 4), ("volume_multiple", 1.1)) })
        {
            var clean = Market.Evaluator.Evaluate(genome);
            var dirty = evaluator.Evaluate(genome);
            Assert.Null(dirty.Reason);
            Assert.Equal(Bits.Of(clean), Bits.Of(dirty));
        }
    }

    [Fact]
    public void A_panel_whose_prices_changed_since_the_window_was_pinned_is_refused()
    {
        var (open, high, low, close, volume) = TestPanels.Columns(Market.Panel);
        close[2][700] *= 1.0001;
        var changed = TestPanels.Rebuild(Market.Panel, open, high, low, close, volume);

        var e = Assert.Throws<PinnedWindowException>(() => new WalkForwardFitnessEvaluator(Market.Strategy, changed, Market.Window));

        Assert.Contains(Market.Window.DataFingerprint, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_in_sample_range_too_short_for_one_fold_is_refused_at_construction()
    {
        var panel = TestPanels.RandomWalk(2, 200, seed: 3);
        var window = PinnedWindowFactory.Create(panel, 0.5);

        var e = Assert.Throws<ArgumentException>(() => new WalkForwardFitnessEvaluator(StrategyCatalog.Default.Get("mean_reversion"), panel, window));

        Assert.Contains("no walk-forward window", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancellation_of_the_callers_token_propagates()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Market.Evaluator.Evaluate(Market.Optimum.Genome, cancelled.Token));
    }
}
