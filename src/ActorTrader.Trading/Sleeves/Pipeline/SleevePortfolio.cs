using ActorTrader.Domain.Instruments;
using ActorTrader.Quant.Portfolio;

namespace ActorTrader.Trading.Sleeves.Pipeline;

/// <summary>
/// The optimised sleeve: each leg's weight; the signed asset weights they flatten to (a short leg's weight counts
/// negative on its symbol, and legs on the same symbol add up); and the sleeve's return per period of the common window,
/// Σ_j w_j · leg_j(t), on <see cref="Dates"/>.
/// </summary>
public sealed record SleevePortfolio(
    IReadOnlyList<LegWeight> LegWeights,
    IReadOnlyDictionary<Symbol, double> AssetWeights,
    IReadOnlyList<DateTimeOffset> Dates,
    IReadOnlyList<double> Returns)
{
    public static SleevePortfolio Of(IReadOnlyList<SleeveLeg> legs, PortfolioWeights weights, int windowStart, ReturnAxis axis)
    {
        ArgumentNullException.ThrowIfNull(legs);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(axis);
        if (weights.Assets.Count != legs.Count || legs.Where((l, i) => l.Id != weights.Assets[i]).Any())
            throw new ArgumentException($"The weights ({string.Join(", ", weights.Assets)}) are not for the legs ({string.Join(", ", legs.Select(l => l.Id))}).", nameof(weights));
        var assets = new SortedDictionary<Symbol, double>();
        for (var j = 0; j < legs.Count; j++)
        {
            var c = legs[j].Candidate;
            assets[c.Symbol] = assets.GetValueOrDefault(c.Symbol) + c.Sign * weights.Weights[j];
        }
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
            returns);
    }
}
