using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Parameters;
using ActorTrader.Strategies.Signals;

namespace ActorTrader.Strategies.Replay;

/// <summary>
/// Runs a strategy bar by bar over a panel, each decision on the point-in-time view of its bar, and keeps the targets
/// between decisions when <c>every</c> &gt; 1. Shared by the sleeve pipeline, the simulators and research so all three
/// see a strategy the same way.
/// </summary>
public static class SignalReplay
{
    public static TargetHistory Run(IStrategy strategy, BarPanel panel, ParameterSet parameters, int every = 1,
        CancellationToken cancellationToken = default) => Run(strategy, panel, parameters, null, every, cancellationToken);

    /// <summary>
    /// As <see cref="Run(IStrategy, BarPanel, ParameterSet, int, CancellationToken)"/>, taking the decisions
    /// <paramref name="memo"/> still holds for this panel from the previous replay (the same targets and events as
    /// evaluating them) and leaving this replay's decisions in it for the next.
    /// </summary>
    public static TargetHistory Run(IStrategy strategy, BarPanel panel, ParameterSet parameters, SignalMemo? memo, int every = 1,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfLessThan(every, 1);
        strategy.Parameters.Validate(parameters, strategy.Name);

        var targets = new double[panel.TimeCount][];
        var events = new List<StrategyEvent>();
        var first = Math.Max(0, strategy.Requirements.MinimumHistory - 1);
        var held = new double[panel.SymbolCount];
        var known = memo?.Recall(strategy, panel, parameters);
        var decisions = memo is null ? null : new SignalSet?[panel.TimeCount];
        int reused = 0, evaluated = 0;
        for (var t = 0; t < panel.TimeCount; t++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (t >= first && (t - first) % every == 0)
            {
                var set = known?[t];
                if (set is null)
                {
                    set = strategy.Evaluate(panel.AsOf(t), parameters);
                    evaluated++;
                }
                else
                {
                    reused++;
                }
                if (decisions is not null) decisions[t] = set;
                held = new double[panel.SymbolCount];
                foreach (var signal in set.Signals)
                {
                    var s = panel.IndexOf(signal.Symbol);
                    if (s < 0) throw new InvalidOperationException($"{strategy.Name} signalled {signal.Symbol}, which is not in the panel.");
                    held[s] = signal.Target;
                }
                events.AddRange(set.Events);
            }
            targets[t] = t >= first ? (double[])held.Clone() : new double[panel.SymbolCount];
        }
        memo?.Remember(strategy, panel, parameters, decisions!, reused, evaluated);
        return new TargetHistory(strategy.Name, panel.Symbols, panel.Times, targets, events);
    }
}
