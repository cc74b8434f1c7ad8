namespace ActorTrader.Quant.Metrics;

/// <summary>
/// Portfolio turnover between weight vectors (weights as fractions of NAV, shorts negative, an absent asset = 0).
/// Reported two-sided: Σ|w_next − w_prev| — the traded notional as a fraction of NAV. Halve it for the one-way convention.
/// </summary>
public static class Turnover
{
    /// <summary>Σ|next_i − previous_i|; moving a fully invested book from one asset to another gives 2.</summary>
    public static double Between(ReadOnlySpan<double> previous, ReadOnlySpan<double> next)
    {
        if (previous.IsEmpty) throw new ArgumentException("previous is empty; pass one weight per asset.", nameof(previous));
        SeriesGuard.SameLength(previous.Length, next.Length, nameof(previous), nameof(next));
        var sum = 0.0;
        for (var i = 0; i < previous.Length; i++)
        {
            if (!double.IsFinite(previous[i])) throw new ArgumentException($"previous[{i}] is {previous[i]}; weights must be finite (use 0 for no position).", nameof(previous));
            if (!double.IsFinite(next[i])) throw new ArgumentException($"next[{i}] is {next[i]}; weights must be finite (use 0 for no position).", nameof(next));
            sum += Math.Abs(next[i] - previous[i]);
        }
        return sum;
    }

    /// <summary>Mean two-sided turnover per rebalance over a sequence of weight vectors (needs two or more).</summary>
    public static double Average(IReadOnlyList<double[]> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count < 2)
            throw new ArgumentException($"weights has {weights.Count} vectors; turnover needs at least two consecutive weight vectors.", nameof(weights));
        var sum = 0.0;
        for (var t = 1; t < weights.Count; t++) sum += Between(weights[t - 1], weights[t]);
        return sum / (weights.Count - 1);
    }
}
