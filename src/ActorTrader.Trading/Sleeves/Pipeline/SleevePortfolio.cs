using ActorTrader.Domain.Instruments;
using ActorTrader.Quant.Portfolio;

namespace ActorTrader.Trading.Sleeves.Pipeline;

/// <summary>
/// The optimised sleeve: each leg's weight; the signed asset weights they flatten to (a short leg's weight counts
/// negative on its symbol, and legs on the same symbol add up); and the sleeve's return per period of the common window,
/// Σ_j w_j · leg_j(t), on <see cref="Dates"/>.
/// <para>
/// Two kinds of asset weight: <see cref="AssetWeights"/> is the <b>allocation</b> — the optimiser's static leg weights
/// flattened with ±1 per leg, whether or not the strategies hold a position today. <see cref="TargetWeights"/> is the
/// <b>target</b> — what to hold from the next open given the signals decided at the close of the panel's last bar:
/// Σ_j w_j × sign_j × current exposure_j (a leg whose strategy is flat today contributes 0; the rest stays in cash).
/// <see cref="Schedule"/> is the target at every bar of the window — what the sleeve held, bar by bar — and its last row is
/// <see cref="TargetWeights"/>.
/// </para>
/// </summary>
public sealed record SleevePortfolio(
    IReadOnlyList<LegWeight> LegWeights,
    IReadOnlyDictionary<Symbol, double> AssetWeights,
    IReadOnlyList<DateTimeOffset> Dates,
    IReadOnlyList<double> Returns)
{
    /// <summary>
    /// The target: signed weight per symbol to hold from the next open, Σ_j w_j × sign_j × <see cref="CandidateStream.CurrentExposure"/>_j.
    /// Sorted by symbol with the same symbols as <see cref="AssetWeights"/>: a symbol whose legs are all flat today is kept
    /// with 0, so "sell it" is explicit. |Σ| ≤ Σ_j w_j because exposures are at most 1; the remainder is cash.
    /// </summary>
    public IReadOnlyDictionary<Symbol, double> TargetWeights { get; init; } = new SortedDictionary<Symbol, double>();

    /// <summary>
    /// The target per bar over the window (see <see cref="SleeveSchedule"/> for which bar each row applies to): row t, decided
    /// at the close of bar Schedule.Dates[t], earns <see cref="Returns"/>[t]; the last row is <see cref="TargetWeights"/>.
    /// </summary>
    public SleeveSchedule Schedule { get; init; } = SleeveSchedule.Empty;

    public static SleevePortfolio Of(IReadOnlyList<SleeveLeg> legs, PortfolioWeights weights, int windowStart, ReturnAxis axis)
    {
        ArgumentNullException.ThrowIfNull(legs);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(axis);
        if (weights.Assets.Count != legs.Count || legs.Where((l, i) => l.Id != weights.Assets[i]).Any())
            throw new ArgumentException($"The weights ({string.Join(", ", weights.Assets)}) are not for the legs ({string.Join(", ", legs.Select(l => l.Id))}).", nameof(weights));
        var assets = new SortedDictionary<Symbol, double>();
        // Leg order is fixed (the optimiser's), so the sums are the same in every run.
        for (var j = 0; j < legs.Count; j++)
        {
            var c = legs[j].Candidate;
            assets[c.Symbol] = assets.GetValueOrDefault(c.Symbol) + c.Sign * weights.Weights[j];
        }
        var schedule = SleeveSchedule.Of(legs, weights.Weights, windowStart, axis);
        var targets = new SortedDictionary<Symbol, double>();
        for (var s = 0; s < schedule.Symbols.Count; s++) targets[schedule.Symbols[s]] = schedule.Weights[^1][s];
        var returns = new double[axis.Length - windowStart];
        for (var k = 0; k < returns.Length; k++)
        {
            var sum = 0.0;
            for (var j = 0; j < legs.Count; j++) sum += weights.Weights[j] * legs[j].Returns[windowStart + k];
            returns[k] = sum;
        }
        return new SleevePortfolio(
            [.. legs.Select((l, j) => new LegWeight(l.Id, weights.Weights[j]))],
            assets,
            [.. axis.Dates.Skip(windowStart)],
            returns)
        {
            TargetWeights = targets,
            Schedule = schedule,
        };
    }
}
