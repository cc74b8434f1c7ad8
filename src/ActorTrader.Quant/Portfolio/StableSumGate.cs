namespace ActorTrader.Quant.Portfolio;

/// <summary>
/// The last check of every optimiser: weights are finite, |Σw| &gt; 1e-6 (a near-zero sum blows up any later
/// normalisation), and for budget problems Σw equals the budget within 1e-9. Fails loudly rather than trading NaN.
/// </summary>
public static class StableSumGate
{
    public const double MinAbsoluteSum = 1e-6;
    public const double BudgetTolerance = 1e-9;

    /// <summary>Returns <paramref name="weights"/> unchanged when they pass; throws <see cref="OptimizationException"/> otherwise.</summary>
    public static PortfolioWeights Check(PortfolioWeights weights, double? budget)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var sum = 0.0;
        for (var i = 0; i < weights.Weights.Count; i++)
        {
            var w = weights.Weights[i];
            if (!double.IsFinite(w))
            {
                throw new OptimizationException($"{weights.Method}: weight of {weights.Assets[i]} is {w}; check the input for NaN/inf or a singular covariance.");
            }
            sum += w;
        }
        if (Math.Abs(sum) <= MinAbsoluteSum)
        {
            throw new OptimizationException($"{weights.Method}: weights sum to {sum:G6} (|Σw| must exceed {MinAbsoluteSum}); the problem is degenerate.");
        }
        if (budget is { } b && Math.Abs(sum - b) > BudgetTolerance)
        {
            throw new OptimizationException($"{weights.Method}: weights sum to {sum:R}, not the budget {b} (tolerance {BudgetTolerance}).");
        }
        return weights;
    }
}
