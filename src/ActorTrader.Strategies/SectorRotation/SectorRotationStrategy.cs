using ActorTrader.Domain.Bars;
using ActorTrader.Quant.Clustering;
using ActorTrader.Quant.Estimators;
using ActorTrader.Strategies.Common;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Signals;
using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Strategies.SectorRotation;

/// <summary>
/// Rotates into the strongest groups of symbols: groups are the fundamental <see cref="FundamentalData.Sector"/> when every
/// rankable symbol has one, else hierarchical correlation clusters (Quant's <see cref="HierarchicalClustering"/> on the
/// correlation distance of recent returns, cut into <c>clusters</c> groups). Group momentum is the mean member return over
/// <c>momentum_lookback</c>; the top <c>top_groups</c> groups above <c>min_group_momentum</c> are held, equal weight per
/// group and within it. Each decision emits a <c>grouping</c> event saying how the groups were formed and which were held.
/// Gross exposure: Σ target = 1 whenever a group is held.
/// </summary>
public sealed class SectorRotationStrategy : Strategy<SectorRotationParameters>
{
    public const string GroupingEvent = "grouping";

    public override string Name => "sector_rotation";

    public override string Description => "Holds the top-K sectors (or correlation clusters when sectors are unknown) by momentum.";

    public override StrategyRequirements Requirements { get; } = new(Timeframe.Day1, MinimumHistory: 127);

    public override SignalSet Evaluate(PointInTimePanel panel, SectorRotationParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(parameters);
        var p = parameters;
        var time = panel.DecisionTime;
        var length = Math.Max(p.MomentumLookback, p.CorrelationWindow) + 1;
        var members = new List<int>();
        var momentum = new Dictionary<int, double>();
        for (var s = 0; s < panel.SymbolCount; s++)
        {
            if (!PriceWindow.TryPrices(panel.Close(s), length, out var close)) continue;
            members.Add(s);
            momentum[s] = PriceWindow.Momentum(close, p.MomentumLookback, 0);
        }
        if (members.Count == 0) return SignalSet.Flat(time);

        var sectors = members.Select(s => panel.FundamentalsOf(panel.Symbols[s])?.Sector).ToArray();
        var (groups, how) = sectors.All(x => !string.IsNullOrWhiteSpace(x))
            ? (members.Select((s, i) => (Symbol: s, Group: sectors[i]!.Trim())).ToList(), "sectors from fundamentals")
            : Clusters(panel, p, members);
        var ranked = groups.GroupBy(g => g.Group, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Members: g.Select(x => x.Symbol).Order().ToArray(), Momentum: g.Average(x => momentum[x.Symbol])))
            .Where(g => g.Momentum > p.MinGroupMomentum)
            .OrderByDescending(g => g.Momentum).ThenBy(g => g.Name, StringComparer.Ordinal)
            .Take(p.TopGroups)
            .ToArray();
        var held = ranked.Length == 0 ? "none above min_group_momentum"
            : string.Join(", ", ranked.Select(g => $"{g.Name} ({SignalFormat.Percent(g.Momentum)})"));
        var groupCount = groups.Select(g => g.Group).Distinct(StringComparer.Ordinal).Count();
        var evt = new StrategyEvent(time, PanelSymbols.WholePanel, GroupingEvent, $"{how}: {groupCount} group(s); held: {held}");
        var signals = ranked.SelectMany(g => g.Members.Select(s =>
            new StrategySignal(panel.Symbols[s], 1.0 / ranked.Length / g.Members.Length, $"group {g.Name} momentum {SignalFormat.Percent(g.Momentum)}")));
        return new SignalSet(time, signals, [evt]);
    }

    private static (List<(int Symbol, string Group)> Groups, string How) Clusters(PointInTimePanel panel, SectorRotationParameters p, List<int> members)
    {
        var linkage = SectorRotationParameters.LinkageNames[(int)p.Linkage];
        // A constant price has no correlation; it forms its own group rather than breaking the clustering.
        var returns = members.Select(s => PriceWindow.SimpleReturns(panel.Close(s)[^(p.CorrelationWindow + 1)..])).ToArray();
        var varying = Enumerable.Range(0, members.Count).Where(i => returns[i].Any(r => r != returns[i][0])).ToArray();
        var groups = new List<(int, string)>();
        foreach (var i in Enumerable.Range(0, members.Count).Except(varying))
            groups.Add((members[i], $"constant {panel.Symbols[members[i]]}"));
        if (varying.Length == 1) groups.Add((members[varying[0]], "cluster 1"));
        if (varying.Length >= 2)
        {
            var matrix = Matrix<double>.Build.Dense(p.CorrelationWindow, varying.Length, (r, c) => returns[varying[c]][r]);
            var distance = CorrelationDistance.FromCorrelation(SampleCorrelation.Estimate(matrix));
            var labels = ClusterCut.ToCount(HierarchicalClustering.Build(distance, p.Linkage), Math.Min(p.Clusters, varying.Length));
            for (var c = 0; c < varying.Length; c++) groups.Add((members[varying[c]], $"cluster {labels[c] + 1}"));
        }
        return (groups, $"correlation clusters ({linkage} linkage, no sector for every symbol)");
    }
}
