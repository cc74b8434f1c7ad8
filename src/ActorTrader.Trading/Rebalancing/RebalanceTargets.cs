using ActorTrader.Trading.Meta;

namespace ActorTrader.Trading.Rebalancing;

/// <summary>
/// What a rebalance moves the account towards: either one meta-portfolio target over the whole account, or the targets
/// of several sleeves, each with its capital share, which the planner nets into one order per symbol.
/// </summary>
public sealed record RebalanceTargets
{
    /// <summary>The intent sleeve of orders that serve the meta-portfolio.</summary>
    public const string MetaName = "meta";

    /// <summary>The intent sleeve of orders netted across several sleeves.</summary>
    public const string NetName = "net";

    private RebalanceTargets(IReadOnlyList<TargetWeightSet> sets, bool isMeta)
    {
        Sets = sets;
        IsMeta = isMeta;
    }

    /// <summary>The weight sets, ordered by name (the order the planner sums them in).</summary>
    public IReadOnlyList<TargetWeightSet> Sets { get; }

    public bool IsMeta { get; }

    /// <summary>
    /// The sleeve the planner's intents carry: <see cref="MetaName"/> for a meta target, the sleeve's own name when only one
    /// sleeve is given, else <see cref="NetName"/> (the orders serve several sleeves at once).
    /// </summary>
    public string IntentSleeve => IsMeta ? MetaName : Sets.Count == 1 ? Sets[0].Name : NetName;

    /// <summary>A meta-portfolio target over the whole account (its capital share is 1).</summary>
    public static RebalanceTargets Meta(TargetWeightSet target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return new RebalanceTargets([target with { Name = MetaName, CapitalShare = 1.0 }], isMeta: true);
    }

    /// <summary>The target of a successful meta run; throws naming the reasons when it failed.</summary>
    public static RebalanceTargets FromMeta(MetaOutcome outcome) => Meta(TargetWeightSet.FromMeta(outcome));

    /// <summary>Sleeve targets, each with its capital share, netted per symbol by the planner.</summary>
    public static RebalanceTargets Sleeves(IEnumerable<TargetWeightSet> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        var list = sets.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        if (list.Count == 0) throw new ArgumentException("No sleeve targets were given. Fix: pass at least one sleeve's target weights.", nameof(sets));
        return new RebalanceTargets(list, isMeta: false);
    }
}
