using ActorTrader.Quant.Solvers.Qp;

namespace ActorTrader.Quant.Portfolio;

/// <summary>
/// The efficient portfolio for a target volatility (<c>efficient-risk</c>): max μᵀw s.t. √(wᵀΣw) ≤
/// <see cref="PortfolioConstraints.Target"/>. The quadratic constraint is met by bisection on the risk aversion δ of
/// max μᵀw − ½δ·wᵀΣw, whose solutions trace the efficient frontier with volatility falling continuously in δ.
/// A target below the minimum volatility is an error; one above the highest-return portfolio's volatility returns it.
/// </summary>
public sealed class EfficientRiskOptimizer(QpOptions? options = null) : IPortfolioOptimizer
{
    private const double RelativeTolerance = 1e-10;
    private readonly ActiveSetQpSolver _solver = new(options);

    /// <inheritdoc />
    public string Name => "efficient-risk";

    /// <inheritdoc />
    public PortfolioWeights Optimize(PortfolioProblem problem)
    {
        ProblemValidation.Validate(Name, problem);
        if (problem.Constraints.Target is not { } target || !(target > 0) || !double.IsFinite(target))
        {
            throw new OptimizationException($"{Name}: needs a positive target volatility (--target), e.g. 0.2 for 20% a year.");
        }
        ProblemValidation.RequirePositiveDefinite(Name, problem);
        var minimum = _solver.Solve(MeanVarianceProgram.Build(problem, 1.0, new double[problem.Count])).X;
        var minimumVolatility = Volatility(problem, minimum);
        if (target < minimumVolatility * (1 - RelativeTolerance))
        {
            throw new OptimizationException($"{Name}: target volatility {target:G6} is below the minimum attainable {minimumVolatility:G6}; raise the target or use min-vol.");
        }
        if (target <= minimumVolatility * (1 + RelativeTolerance)) return WeightFinisher.Finish(Name, problem, minimum);

        // Scale δ to the data so the bracket [δ·1e-9, δ·1e9] covers "return only" to "risk only".
        var meanVariance = Enumerable.Range(0, problem.Count).Average(i => problem.Covariance[i, i]);
        var meanReturn = Math.Max(problem.ExpectedReturns.Select(Math.Abs).Average(), 1e-12);
        var scale = meanReturn / meanVariance;
        double lowLog = Math.Log(scale * 1e-9), highLog = Math.Log(scale * 1e9);
        var aggressive = Utility(problem, Math.Exp(lowLog));
        if (Volatility(problem, aggressive) <= target) return WeightFinisher.Finish(Name, problem, aggressive);
        var best = minimum;
        for (var iteration = 0; iteration < 200; iteration++)
        {
            var middle = 0.5 * (lowLog + highLog);
            var candidate = Utility(problem, Math.Exp(middle));
            var volatility = Volatility(problem, candidate);
            if (volatility > target) lowLog = middle;
            else
            {
                highLog = middle;
                best = candidate;
            }
            if (Math.Abs(volatility - target) <= RelativeTolerance * target || highLog - lowLog < 1e-13)
            {
                if (volatility <= target * (1 + RelativeTolerance)) best = candidate;
                break;
            }
        }
        return WeightFinisher.Finish(Name, problem, best);
    }

    private double[] Utility(PortfolioProblem problem, double aversion) => MaximumQuadraticUtilityOptimizer.Solve(_solver, problem, aversion);

    private static double Volatility(PortfolioProblem problem, double[] w)
    {
        var variance = 0.0;
        for (var i = 0; i < w.Length; i++)
        {
            for (var j = 0; j < w.Length; j++) variance += w[i] * problem.Covariance[i, j] * w[j];
        }
        return Math.Sqrt(Math.Max(0, variance));
    }
}
