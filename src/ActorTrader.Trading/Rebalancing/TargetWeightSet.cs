using ActorTrader.Domain.Instruments;
using ActorTrader.Trading.Meta;
using ActorTrader.Trading.Sleeves;

namespace ActorTrader.Trading.Rebalancing;

/// <summary>
/// One set of target weights to rebalance towards: a sleeve's (or the meta-portfolio's) signed weight per symbol and its
/// explicit <see cref="Cash"/> weight, which together must add up to 1, and the share of the account's capital the set
/// stands for. The planner multiplies each set by its share and nets the sets per symbol.
/// </summary>
/// <param name="Name">The sleeve's name, or <see cref="RebalanceTargets.MetaName"/> for the meta-portfolio.</param>
/// <param name="CapitalShare">Fraction of the account's net asset value the set allocates, in [0, 1].</param>
/// <param name="Weights">Signed weight per symbol (negative = short), as fractions of the set's capital.</param>
/// <param name="Cash">The weight left in cash; Σ weights + cash = 1.</param>
public sealed record TargetWeightSet(string Name, double CapitalShare, IReadOnlyDictionary<Symbol, double> Weights, double Cash)
{
    /// <summary>Σ weights + cash, the figure that must be 1.</summary>
    public double Total => Weights.Values.Sum() + Cash;

    /// <summary>
    /// A set whose cash is what the weights leave: 1 − Σ weights, or 0 when the weights ask for more than everything (the
    /// planner then reports the sum). This is the sleeve and meta outcomes' own rule: "the rest is cash".
    /// </summary>
    public static TargetWeightSet WithImplicitCash(string name, double capitalShare, IReadOnlyDictionary<Symbol, double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var sum = weights.Values.Sum();
        var cash = double.IsFinite(sum) && sum < 1 ? 1 - sum : 0;
        return new TargetWeightSet(name, capitalShare, new SortedDictionary<Symbol, double>(weights.ToDictionary()), cash);
    }

    /// <summary>
    /// The target of a successful sleeve run (<see cref="SleeveOutcome.TargetWeights"/>: what to hold from the next open)
    /// with the sleeve's capital share. Throws naming the sleeve and its failure when the run failed.
    /// </summary>
    public static TargetWeightSet FromSleeve(SleeveOutcome outcome, double capitalShare)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (!outcome.Succeeded)
        {
            throw new ArgumentException(
                $"Sleeve {outcome.Sleeve} failed at {outcome.FailureStage}: {outcome.FailureReason}; a failed run has no target. Fix: rebalance with the sleeve's last good target or leave it out.",
                nameof(outcome));
        }
        return WithImplicitCash(outcome.Sleeve, capitalShare, outcome.TargetWeights);
    }

    /// <summary>
    /// The target of a successful meta run (<see cref="MetaOutcome.TargetWeights"/>), over the whole account. Throws naming
    /// the profile and the reasons when the run failed.
    /// </summary>
    public static TargetWeightSet FromMeta(MetaOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (!outcome.Succeeded)
        {
            throw new ArgumentException(
                $"Meta run of profile {outcome.Profile} failed ({string.Join("; ", outcome.Reasons)}); a failed run has no target. Fix: resolve the reasons and run the meta again.",
                nameof(outcome));
        }
        return WithImplicitCash(RebalanceTargets.MetaName, 1.0, outcome.TargetWeights);
    }
}
