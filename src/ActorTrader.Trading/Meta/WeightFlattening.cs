using ActorTrader.Domain.Instruments;

namespace ActorTrader.Trading.Meta;

/// <summary>
/// Turns meta-weights into asset weights: w(asset) = Σ over sleeves of meta_weight(sleeve) × weight of the asset in
/// that sleeve (signed, so a short leg stays negative and a long and a short leg of one asset net out). The same sum
/// flattens the sleeves' allocation (<see cref="Sleeves.SleeveOutcome.AssetWeights"/>) and their targets
/// (<see cref="Sleeves.SleeveOutcome.TargetWeights"/>).
/// </summary>
internal static class WeightFlattening
{
    /// <summary>Flattened weights sorted by |w| descending, then symbol (ordinal); sums run in a fixed order.</summary>
    public static IReadOnlyList<KeyValuePair<Symbol, double>> Flatten(
        IReadOnlyList<string> sleeves,
        IReadOnlyList<double> metaWeights,
        IReadOnlyDictionary<string, IReadOnlyDictionary<Symbol, double>> sleeveWeights)
    {
        var totals = new SortedDictionary<Symbol, double>();
        for (var s = 0; s < sleeves.Count; s++)
        {
            foreach (var (symbol, weight) in sleeveWeights[sleeves[s]].OrderBy(p => p.Key))
            {
                totals[symbol] = totals.GetValueOrDefault(symbol) + metaWeights[s] * weight;
            }
        }
        return [.. totals.OrderByDescending(p => Math.Abs(p.Value)).ThenBy(p => p.Key.ToString(), StringComparer.Ordinal)];
    }
}
