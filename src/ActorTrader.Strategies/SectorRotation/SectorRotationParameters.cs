using ActorTrader.Quant.Clustering;
using ActorTrader.Strategies.Parameters;
using static ActorTrader.Strategies.Common.ParameterValues;

namespace ActorTrader.Strategies.SectorRotation;

/// <summary>Parameters of <see cref="SectorRotationStrategy"/>; <see cref="Space"/> is its research genome.</summary>
public sealed record SectorRotationParameters(
    int MomentumLookback,
    int TopGroups,
    int Clusters,
    int CorrelationWindow,
    Linkage Linkage,
    double MinGroupMomentum) : IStrategyParameters<SectorRotationParameters>
{
    /// <summary>Choice names of <see cref="Quant.Clustering.Linkage"/>, in enum order.</summary>
    public static IReadOnlyList<string> LinkageNames { get; } = ["single", "complete", "average", "ward"];

    public static ParameterSpace Space { get; } = new([
        ParameterRange.WholeNumber("momentum_lookback", 20, 252, 126, "Group momentum: mean member return over this many bars."),
        ParameterRange.WholeNumber("top_groups", 1, 10, 3, "Hold the K groups with the best momentum, equal weight per group."),
        ParameterRange.WholeNumber("clusters", 2, 20, 5, "Without sectors: number of correlation clusters the symbols are cut into."),
        ParameterRange.WholeNumber("correlation_window", 20, 504, 126, "Without sectors: returns in the correlation the clusters are built from."),
        ParameterRange.Choice("linkage", LinkageNames, "average", "Without sectors: hierarchical clustering linkage (single, complete, average, ward)."),
        ParameterRange.Real("min_group_momentum", -0.2, 0.2, 0.0, "A group is held only when its momentum is above this."),
    ]);

    public static SectorRotationParameters Default => From(Space.Defaults());

    public static SectorRotationParameters From(ParameterSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return new(set.Whole("momentum_lookback"), set.Whole("top_groups"), set.Whole("clusters"), set.Whole("correlation_window"),
            set.Choice<Linkage>("linkage"), set["min_group_momentum"]);
    }

    public ParameterSet ToSet() => new([
        Entry("momentum_lookback", MomentumLookback), Entry("top_groups", TopGroups), Entry("clusters", Clusters),
        Entry("correlation_window", CorrelationWindow), Entry("linkage", Linkage), Entry("min_group_momentum", MinGroupMomentum),
    ]);
}
