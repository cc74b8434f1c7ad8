using ActorTrader.Backtest.Simulation;
using ActorTrader.Backtest.StrategyRuns;
using ActorTrader.Backtest.Vectorised;
using ActorTrader.Quant.Metrics;
using ActorTrader.Research.Discovery;
using ActorTrader.Research.Fitness;
using ActorTrader.Research.Genetics;
using ActorTrader.Strategies;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Parameters;

namespace ActorTrader.Research.Promotion.Statistics;

/// <summary>
/// Runs a genome over the out-of-sample range of a pinned window — the bars the GA never saw — for promotion validation.
/// The strategy is replayed continuously from the in-sample start (so its indicators are warm and a position held into the
/// out-of-sample range carries over as it would in trading) with the vectorised simulator and the cost of
/// <see cref="FitnessSettings"/>; the returns and trades of the out-of-sample bars are kept. The panel must still have the
/// window's fingerprint. A genome with a discovered rule runs as a <see cref="RuleStrategy"/>. Unlike fitness evaluation,
/// a strategy that throws here throws to the caller: a promotion step records the failure with its evidence rather than
/// scoring it.
/// </summary>
public static class OutOfSampleBacktest
{
    public static OutOfSampleRun Run(IStrategy strategy, BarPanel panel, PinnedWindow window, Genome genome, FitnessSettings? settings = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(genome);
        settings ??= FitnessSettings.Default;
        settings.Validate();
        if (!string.Equals(genome.Strategy, strategy.Name, StringComparison.Ordinal))
            throw new ArgumentException($"Genome {genome.Key} is for strategy {genome.Strategy}, not {strategy.Name}.", nameof(genome));
        var bars = WindowBars.LocateVerified(panel, window);
        var history = bars.Cut(panel, bars.InSampleFirst, bars.OutOfSampleLast);
        var setup = new SimulatorSetup
        {
            Kind = SimulatorKind.Vectorised,
            Vectorised = new VectorisedOptions { CostBps = settings.CostBps, PeriodsPerYear = settings.PeriodsPerYear },
        };
        (IStrategy runnable, ParameterSet parameters) = genome.Rule is { } rule ? (new RuleStrategy(strategy.Name, rule, history), ParameterSet.Empty) : (strategy, genome.Parameters);
        var run = StrategyBacktest.Run(runnable, parameters, history, setup, cancellationToken: cancellationToken).Result;
        var start = bars.OutOfSampleFirst - bars.InSampleFirst;
        var outOfSample = run.Slice(start, run.Returns.Count - start);
        var returns = outOfSample.Returns.ToArray();
        var sharpe = returns.Length >= 2 ? RiskAdjustedRatios.Sharpe(returns, 0, settings.PeriodsPerYear) : double.NaN;
        return new OutOfSampleRun(genome.Key, returns, outOfSample.Trades, sharpe);
    }
}
