namespace ActorTrader.Quant.Portfolio;

/// <summary>
/// Moves weight between the barbell buckets until each bucket's total is inside its range, keeping the proportions
/// within each bucket (an empty bucket that must grow is filled equally). Weights already inside are returned as
/// they are, so the projection is a no-op whenever it is not needed.
/// </summary>
public static class BarbellProjection
{
    /// <summary>Projected weights; throws <see cref="OptimizationException"/> when the ranges cannot hold together.</summary>
    public static double[] Apply(IReadOnlyList<double> weights, BarbellBuckets buckets, double budget, string method)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(buckets);
        var n = weights.Count;
        var safe = new bool[n];
        foreach (var index in buckets.SafeAssets)
        {
            if (index < 0 || index >= n) throw new OptimizationException($"{method}: barbell safe asset index {index} is outside 0..{n - 1}.");
            safe[index] = true;
        }
        var riskCount = safe.Count(s => !s);
        var safeCount = n - riskCount;
        // Fully invested: the risk bucket's range is the complement of the safe bucket's.
        var low = Math.Max(buckets.SafeMinimum * budget, budget - buckets.RiskMaximum * budget);
        var high = Math.Min(buckets.SafeMaximum * budget, budget - buckets.RiskMinimum * budget);
        if (safeCount == 0) high = Math.Min(high, 0);
        if (riskCount == 0) low = Math.Max(low, budget);
        if (low > high + 1e-12)
        {
            throw new OptimizationException(
                $"{method}: barbell ranges are inconsistent: safe bucket needs [{buckets.SafeMinimum}, {buckets.SafeMaximum}] and risk bucket [{buckets.RiskMinimum}, {buckets.RiskMaximum}] of the budget, with {safeCount} safe and {riskCount} risk assets; widen one of them.");
        }
        var safeTotal = 0.0;
        for (var i = 0; i < n; i++) if (safe[i]) safeTotal += weights[i];
        var target = Math.Clamp(safeTotal, low, high);
        var result = weights.ToArray();
        if (target == safeTotal) return result;
        var riskTotal = budget - safeTotal;
        for (var i = 0; i < n; i++)
        {
            if (safe[i]) result[i] = safeTotal > 0 ? weights[i] * target / safeTotal : target / safeCount;
            else result[i] = riskTotal > 0 ? weights[i] * (budget - target) / riskTotal : (budget - target) / riskCount;
        }
        return result;
    }
}
