namespace ActorTrader.Quant.Portfolio;

/// <summary>Weights proportional to 1/σᵢ (<c>inverse-vol</c>), ignoring correlations; fails if that breaks a bound or cap.</summary>
public sealed class InverseVolatilityOptimizer : IPortfolioOptimizer
{
    /// <inheritdoc />
    public string Name => "inverse-vol";

    /// <inheritdoc />
    public PortfolioWeights Optimize(PortfolioProblem problem)
    {
        ProblemValidation.Validate(Name, problem);
        var inverse = new double[problem.Count];
        for (var i = 0; i < problem.Count; i++)
        {
            var variance = problem.Covariance[i, i];
            if (!(variance > 0)) throw new OptimizationException($"{Name}: {problem.Assets[i]} has zero variance, so its inverse volatility is infinite; remove it.");
            inverse[i] = 1.0 / Math.Sqrt(variance);
        }
        var total = inverse.Sum();
        var weights = inverse.Select(v => v / total * problem.Constraints.Budget).ToArray();
        return WeightFinisher.Finish(Name, problem, weights);
    }
}
