using System.Globalization;
using ActorTrader.Backtest.Market;
using ActorTrader.Backtest.Simulation;
using ActorTrader.Backtest.Vectorised;
using ActorTrader.Backtest.WalkForward;
using ActorTrader.Research.Discovery;
using ActorTrader.Research.Genetics;
using ActorTrader.Strategies;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Parameters;

namespace ActorTrader.Research.Fitness;

/// <summary>
/// Scores genomes by a walk-forward backtest on the in-sample part of a pinned window.
/// <para>
/// At construction the panel is checked against the window (symbols, ranges, <see cref="DataFingerprint"/>) and the
/// in-sample bars of the window's symbols are copied into a panel of their own; the out-of-sample bars are hashed for
/// that check and never copied, so no evaluation can see them. <see cref="Evaluate"/> runs the genome through
/// <see cref="WalkForwardRunner"/> (one candidate: the genome; vectorised simulator with the configured cost) on the
/// in-sample panel and scores the stitched test folds — the bars after the first fold's train part, which every genome
/// shares, so every genome is scored on the same bars after the same warm-up. A genome with a discovered rule (the
/// discovery population) runs the same way as a <see cref="RuleStrategy"/> of this evaluator's strategy name: long each
/// symbol while the rule holds it, equal weight across the window's symbols, the same cost.
/// </para>
/// <para>
/// Fitness = annualised Sharpe of the stitched test-fold returns − λ_dd × max drawdown − λ_to × annual turnover. The
/// deflated Sharpe (<see cref="DeflatedSharpe"/>, N = <see cref="FitnessSettings.Trials"/>) is recorded as evidence and
/// used by promotion, not for ranking: it is a probability that saturates near 1 for every good genome (no selection
/// pressure left at the top), and with N fixed for the run it orders genomes nearly as the Sharpe does.
/// </para>
/// <para>
/// A genome of another strategy, a backtest that throws, too few trades, or a NaN/infinite statistic gives
/// <see cref="FitnessResult.Worst"/> with a reason naming the genome and the cause; only cancellation of the caller's
/// token propagates. The evaluator is immutable and the simulation is scalar and ordered, so it is safe from several
/// threads and the same genome gets a bit-identical result from any instance built on the same data.
/// </para>
/// </summary>
public sealed class WalkForwardFitnessEvaluator : IFitnessEvaluator
{
    private readonly IStrategy _strategy;
    private readonly BarPanel _inSample;
    private readonly FitnessSettings _settings;
    private readonly SimulatorSetup _setup;
    private readonly double[] _buyAndHold;
    private readonly DateTimeOffset[] _testTimes;

    public WalkForwardFitnessEvaluator(IStrategy strategy, BarPanel panel, PinnedWindow window, FitnessSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(window);
        _settings = settings ?? FitnessSettings.Default;
        _settings.Validate();
        var bars = WindowBars.LocateVerified(panel, window);
        _strategy = strategy;
        Window = window;
        _inSample = bars.Cut(panel, bars.InSampleFirst, bars.InSampleLast);
        var plan = _settings.Folds.Windows(_inSample.Times);
        TestStart = plan[0].TestStart;
        TestBars = plan[^1].TestEnd - TestStart;
        _buyAndHold = EqualWeightReturns(ReturnsMatrix.FromPanel(_inSample), TestStart, TestBars);
        _testTimes = [.. _inSample.Times.Skip(TestStart).Take(TestBars)];
        _setup = new SimulatorSetup
        {
            Kind = SimulatorKind.Vectorised,
            Vectorised = new VectorisedOptions { CostBps = _settings.CostBps, PeriodsPerYear = _settings.PeriodsPerYear },
        };
    }

    public PinnedWindow Window { get; }

    public FitnessSettings Settings => _settings;

    /// <summary>The strategy whose genomes this evaluator scores.</summary>
    public string StrategyName => _strategy.Name;

    /// <summary>Index, within the in-sample bars, of the first bar of the first test fold.</summary>
    public int TestStart { get; }

    /// <summary>Number of bars in the stitched test folds (the length of every <see cref="FitnessResult.DailyReturns"/>).</summary>
    public int TestBars { get; }

    public FitnessResult Evaluate(Genome genome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(genome);
        if (!string.Equals(genome.Strategy, _strategy.Name, StringComparison.Ordinal))
            return FitnessResult.Worst(Window, $"{genome.Key}: the genome is for strategy {genome.Strategy}, this evaluator scores {_strategy.Name}.");
        try
        {
            // A discovered rule runs as its own strategy over the in-sample bars, through the same walk-forward as parameters.
            (IStrategy strategy, ParameterSet parameters) = genome.Rule is { } rule
                ? (new RuleStrategy(_strategy.Name, rule, _inSample), ParameterSet.Empty)
                : (_strategy, genome.Parameters);
            var run = WalkForwardRunner.Run(strategy, _inSample, [parameters], _settings.Folds, _setup, cancellationToken: cancellationToken);
            return Score(genome, run);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) // a failing strategy must not stop its population: it scores worst, with the failure as the reason
        {
            return FitnessResult.Worst(Window, $"{genome.Key}: the evaluation threw {ex.GetType().Name}: {ex.Message}");
        }
    }

    private FitnessResult Score(Genome genome, WalkForwardResult run)
    {
        var test = run.OutOfSample;
        var statistics = run.OutOfSampleStatistics;
        var trades = test.Trades;
        if (trades < _settings.MinimumTrades)
            return FitnessResult.Worst(Window, $"{genome.Key}: {trades} trade(s) in the test folds, fewer than the minimum {_settings.MinimumTrades}.");
        if ((Undefined("Sharpe", statistics.Sharpe) ?? Undefined("max drawdown", statistics.MaxDrawdown) ?? Undefined("turnover", statistics.Turnover)) is { } problem)
            return FitnessResult.Worst(Window, $"{genome.Key}: {problem}");
        var returns = test.Returns.ToArray();
        var deflated = DeflatedSharpe.Compute(returns, _settings.Trials, _settings.TrialSharpeVariance);
        var fitness = statistics.Sharpe - _settings.DrawdownPenalty * statistics.MaxDrawdown - _settings.TurnoverPenalty * statistics.Turnover;
        if ((Undefined("deflated Sharpe", deflated) ?? Undefined("fitness", fitness)) is { } late)
            return FitnessResult.Worst(Window, $"{genome.Key}: {late}");
        if (returns.Length != _testTimes.Length)
            return FitnessResult.Worst(Window, $"{genome.Key}: the test folds gave {returns.Length} returns for {_testTimes.Length} test bars.");
        return new FitnessResult(fitness, statistics.Sharpe, deflated, statistics.MaxDrawdown, statistics.Turnover, trades, Window,
            BehaviourDescriptor.Compute(test, _buyAndHold), returns)
        {
            ReturnTimes = _testTimes,
        };
    }

    private static string? Undefined(string name, double value) =>
        double.IsFinite(value) ? null : $"the {name} of the test folds is {value.ToString(CultureInfo.InvariantCulture)} (a run without variance or a broken series).";

    // Equal-weight buy & hold of the window's symbols, rebalanced every bar: the mean of the observed returns of each bar.
    private static double[] EqualWeightReturns(ReturnsMatrix returns, int start, int count)
    {
        var result = new double[count];
        for (var t = 0; t < count; t++)
        {
            double sum = 0;
            var observed = 0;
            for (var s = 0; s < returns.SymbolCount; s++)
            {
                if (!returns.IsObserved(start + t, s)) continue;
                sum += returns[start + t, s];
                observed++;
            }
            result[t] = observed == 0 ? 0 : sum / observed;
        }
        return result;
    }
}
