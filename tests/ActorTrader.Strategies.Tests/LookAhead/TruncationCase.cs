using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Parameters;
using ActorTrader.Strategies.Signals;
using ActorTrader.Strategies.Tests.Support;

namespace ActorTrader.Strategies.Tests.LookAhead;

/// <summary>
/// One strategy on one panel with one parameter set, evaluated at several decision bars both on the full panel and on the
/// panel rebuilt from the data up to the decision bar. Equal results at every bar mean the strategy did not use anything after the decision.
/// </summary>
internal sealed record TruncationCase(IStrategy Strategy, BarPanel Panel, ParameterSet Parameters, IReadOnlyList<int> DecisionBars)
{
    /// <summary>The first difference found, or null; also returns the evaluations on the full panel.</summary>
    public (string? Difference, IReadOnlyList<SignalSet> Evaluations) Run()
    {
        var evaluations = new List<SignalSet>();
        foreach (var t in DecisionBars)
        {
            var full = Strategy.Evaluate(Panel.AsOf(t), Parameters);
            var truncated = PanelBuilder.Truncate(Panel, t);
            var cut = Strategy.Evaluate(truncated.AsOf(truncated.TimeCount - 1), Parameters);
            evaluations.Add(full);
            if (SignalAssert.Difference(full, cut) is { } difference) return ($"{Strategy.Name} at bar {t}: full panel vs cut panel: {difference}", evaluations);
        }
        return (null, evaluations);
    }
}
