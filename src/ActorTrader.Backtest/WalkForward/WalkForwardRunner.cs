using ActorTrader.Backtest.Market;
using ActorTrader.Backtest.Results;
using ActorTrader.Backtest.Simulation;
using ActorTrader.Backtest.Universe;
using ActorTrader.Backtest.Vectorised;
using ActorTrader.Backtest.Weights;
using ActorTrader.Strategies;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Parameters;
using ActorTrader.Strategies.Replay;

namespace ActorTrader.Backtest.WalkForward;

/// <summary>
/// Walk-forward evaluation of a strategy over candidate parameter sets. Each candidate is replayed once over the whole
/// panel (every decision on its point-in-time view, so no decision sees a later bar). Per window, every candidate is
/// scored on the train bars alone (vectorised, flat at the train start, configured cost); the selector picks one. The
/// out-of-sample schedule is stitched: the decision at the close of bar d comes from the candidate chosen by the window
/// whose test bars start at or before d + 1 (the latest such window), so the position held over each test bar was
/// chosen using train data only. The stitched schedule is simulated once over the panel with the configured simulator
/// — positions and costs carry across window boundaries as they would in trading — and the returns of the test bars
/// form the out-of-sample series. A universe filter, when given, applies point in time at every decision.
/// </summary>
public static class WalkForwardRunner
{
    public static WalkForwardResult Run(IStrategy strategy, BarPanel panel, IReadOnlyList<ParameterSet> candidates, WalkForwardOptions windows,
        SimulatorSetup setup, IWalkForwardSelector? selector = null, IUniverseFilter? universe = null, string runId = "",
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(setup);
        if (candidates.Count == 0) throw new ArgumentException("Walk-forward needs at least one candidate parameter set.", nameof(candidates));
        selector ??= new BestTrainSharpe();
        var plan = windows.Windows(panel.Times);
        var returns = ReturnsMatrix.FromPanel(panel);
        var weights = candidates
            .Select(c => TargetWeights.From(SignalReplay.Run(strategy, panel, c, 1, cancellationToken), universe))
            .ToArray();

        var n = panel.SymbolCount;
        var stitched = new double[panel.TimeCount * n];
        var results = new List<WalkForwardWindowResult>(plan.Count);
        var chosen = new int[plan.Count];
        foreach (var window in plan)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var scores = new CandidateScore[candidates.Count];
            for (var c = 0; c < candidates.Count; c++)
            {
                var length = window.TrainEnd - window.TrainStart;
                var train = VectorisedSimulator.Run(returns.Slice(window.TrainStart, length), weights[c].Slice(window.TrainStart, length), setup.Vectorised);
                scores[c] = new CandidateScore(c, candidates[c], BacktestStatistics.From(runId, train));
            }
            var pick = selector.Choose(window, scores);
            if (pick < 0 || pick >= scores.Length)
                throw new InvalidOperationException($"The walk-forward selector chose candidate {pick} for window {window.Index}; there are {scores.Length}.");
            chosen[window.Index] = pick;
            results.Add(new WalkForwardWindowResult(window, scores, pick, candidates[pick], null));
        }

        // Decision bar d drives bar d + 1: it belongs to the latest window whose test range starts at or before d + 1.
        var firstTest = plan[0].TestStart;
        var lastTest = plan[^1].TestEnd;
        var k = 0;
        for (var d = firstTest - 1; d < lastTest - 1; d++)
        {
            while (k + 1 < plan.Count && plan[k + 1].TestStart <= d + 1) k++;
            weights[chosen[k]].Row(d).CopyTo(stitched.AsSpan(d * n, n));
        }
        var schedule = WeightsSchedule.FromValues(panel.Symbols, panel.Times, stitched);
        var full = setup.Run(panel, schedule, returns, cancellationToken);
        var outOfSample = full.Slice(firstTest, lastTest - firstTest);
        for (var i = 0; i < results.Count; i++)
        {
            var w = results[i].Window;
            var length = w.TestEnd - w.TestStart;
            if (length >= 4) results[i] = results[i] with { Test = BacktestStatistics.From(runId, full.Slice(w.TestStart, length)) };
        }
        return new WalkForwardResult(results, full, outOfSample, BacktestStatistics.From(runId, outOfSample));
    }
}
