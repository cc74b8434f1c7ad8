using ActorTrader.Quant.Solvers.Qp;

namespace ActorTrader.Quant.Portfolio;

/// <summary>
/// Maximum quadratic utility (<c>max-utility</c>): max μᵀw − ½δ·wᵀΣw with δ = <see cref="PortfolioConstraints.RiskAversion"/>
/// (PyPortfolioOpt <c>max_quadratic_utility</c>).
/// </summary>
public sealed class MaximumQuadraticUtilityOptimizer(QpOptions? options = null) : IPortfolioOptimizer
{
    private readonly ActiveSetQpSolver _solver = new(options);

    /// <inheritdoc />
    public string Name => "max-utility";

    /// <inheritdoc />
    public PortfolioWeights Optimize(PortfolioProblem problem)
    {
        ProblemValidation.Validate(Name, problem);
        var aversion = problem.Constraints.RiskAversion;
        if (!(aversion > 0) || !double.IsFinite(aversion)) throw new OptimizationException($"{Name}: risk aversion must be positive; got {aversion}.");
        ProblemValidation.RequirePositiveDefinite(Name, problem);
        return WeightFinisher.Finish(Name, problem, Solve(_solver, problem, aversion));
    }

    /// <summary>The utility maximiser for risk aversion <paramref name="aversion"/> (also a point of the efficient frontier).</summary>
    internal static double[] Solve(ActiveSetQpSolver solver, PortfolioProblem problem, double aversion)
    {
        var linear = problem.ExpectedReturns.Select(m => -m).ToArray();
        return solver.Solve(MeanVarianceProgram.Build(problem, aversion, linear)).X;
    }
}
