using ActorTrader.Quant.Solvers.Qp;

namespace ActorTrader.Quant.Portfolio;

/// <summary>
/// The efficient portfolio for a target return (<c>efficient-return</c>): min wᵀΣw subject to μᵀw ≥
/// <see cref="PortfolioConstraints.Target"/> (same periodicity as μ). A target below the minimum-variance return
/// gives the minimum-variance portfolio; one above the best attainable return is an error.
/// </summary>
public sealed class EfficientReturnOptimizer(QpOptions? options = null) : IPortfolioOptimizer
{
    private readonly ActiveSetQpSolver _solver = new(options);

    /// <inheritdoc />
    public string Name => "efficient-return";

    /// <inheritdoc />
    public PortfolioWeights Optimize(PortfolioProblem problem)
    {
        ProblemValidation.Validate(Name, problem);
        if (problem.Constraints.Target is not { } target || !double.IsFinite(target))
        {
            throw new OptimizationException($"{Name}: needs a finite target return (--target), e.g. 0.15 for 15% a year.");
        }
        ProblemValidation.RequirePositiveDefinite(Name, problem);
        return WeightFinisher.Finish(Name, problem, Solve(_solver, problem, target, Name));
    }

    internal static double[] Solve(ActiveSetQpSolver solver, PortfolioProblem problem, double target, string method)
    {
        if (problem.Constraints.GroupCaps.Count == 0)
        {
            var best = MeanVarianceProgram.MaximumReturnWithinBounds(problem);
            if (target > best + 1e-12 * Math.Max(1, Math.Abs(best)))
            {
                throw new OptimizationException($"{method}: target return {target:G6} is above the maximum attainable {best:G6} within the bounds; lower the target or widen the bounds.");
            }
        }
        var constraint = new LinearConstraint($"target return (μᵀw ≥ {target:G6})", problem.ExpectedReturns.Select(m => -m).ToArray(), -target);
        try
        {
            return solver.Solve(MeanVarianceProgram.Build(problem, 1.0, new double[problem.Count], constraint)).X;
        }
        catch (OptimizationException e) when (e.Message.Contains("target return", StringComparison.Ordinal))
        {
            throw new OptimizationException($"{method}: target return {target:G6} is not attainable under the bounds and group caps; lower the target. ({e.Message})", e);
        }
    }
}
