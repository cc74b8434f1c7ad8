namespace ActorTrader.Quant.Portfolio;

/// <summary>1/n of the budget in every asset (<c>equal</c>); fails if that breaks a bound or cap.</summary>
public sealed class EqualWeightOptimizer : IPortfolioOptimizer
{
    /// <inheritdoc />
    public string Name => "equal";

    /// <inheritdoc />
    public PortfolioWeights Optimize(PortfolioProblem problem)
    {
        ProblemValidation.Validate(Name, problem);
        var weights = Enumerable.Repeat(problem.Constraints.Budget / problem.Count, problem.Count).ToArray();
        return WeightFinisher.Finish(Name, problem, weights);
    }
}
