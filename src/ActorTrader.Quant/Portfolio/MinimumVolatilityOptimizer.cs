using ActorTrader.Quant.Solvers.Qp;

namespace ActorTrader.Quant.Portfolio;

/// <summary>The minimum-variance portfolio (<c>min-vol</c>): min wᵀΣw under bounds, budget and group caps.</summary>
public sealed class MinimumVolatilityOptimizer(QpOptions? options = null) : IPortfolioOptimizer
{
    private readonly ActiveSetQpSolver _solver = new(options);

    /// <inheritdoc />
    public string Name => "min-vol";

    /// <inheritdoc />
    public PortfolioWeights Optimize(PortfolioProblem problem)
    {
        ProblemValidation.Validate(Name, problem);
        ProblemValidation.RequirePositiveDefinite(Name, problem);
        var solution = _solver.Solve(MeanVarianceProgram.Build(problem, 1.0, new double[problem.Count]));
        return WeightFinisher.Finish(Name, problem, solution.X);
    }
}
