using ActorTrader.Quant.Solvers.Qp;

namespace ActorTrader.Quant.Portfolio;

/// <summary>
/// The tangency portfolio (<c>max-sharpe</c>): max (μ − rf)ᵀw / √(wᵀΣw), solved as a QP by the standard change of
/// variables y = κw (Cornuéjols-Tütüncü; PyPortfolioOpt, Riskfolio): min yᵀΣy s.t. (μ − rf)ᵀy = 1, with bounds and
/// caps homogenised (B·yᵢ ≤ uᵢ·Σy, B·Σ_g y ≤ cap·Σy), then w = B·y/Σy. rf is
/// <see cref="PortfolioConstraints.RiskFreeRate"/> in μ's periodicity.
/// </summary>
public sealed class MaximumSharpeOptimizer(QpOptions? options = null) : IPortfolioOptimizer
{
    private readonly ActiveSetQpSolver _solver = new(options);

    /// <inheritdoc />
    public string Name => "max-sharpe";

    /// <inheritdoc />
    public PortfolioWeights Optimize(PortfolioProblem problem)
    {
        ProblemValidation.Validate(Name, problem);
        var c = problem.Constraints;
        if (!(c.Budget > 0)) throw new OptimizationException($"{Name}: needs a positive budget; got {c.Budget}.");
        if (!double.IsFinite(c.RiskFreeRate)) throw new OptimizationException($"{Name}: risk-free rate is {c.RiskFreeRate}.");
        ProblemValidation.RequirePositiveDefinite(Name, problem);
        var n = problem.Count;
        var excess = problem.ExpectedReturns.Select(m => m - c.RiskFreeRate).ToArray();
        var allowsShorts = Enumerable.Range(0, n).Any(i => c.BoundsOf(i).Lower < 0);
        if (!allowsShorts && excess.All(e => e <= 0))
        {
            throw new OptimizationException(
                $"{Name}: no asset's expected return exceeds the risk-free rate {c.RiskFreeRate:G6} (best is {problem.ExpectedReturns.Maximum():G6}), so no long-only portfolio has a positive Sharpe ratio; lower --risk-free or use min-vol.");
        }

        var lower = new double[n];
        var upper = Enumerable.Repeat(double.PositiveInfinity, n).ToArray();
        var inequalities = new List<LinearConstraint>();
        for (var i = 0; i < n; i++)
        {
            var (lo, hi) = c.BoundsOf(i);
            if (lo == 0) lower[i] = 0;
            else
            {
                lower[i] = double.NegativeInfinity;
                inequalities.Add(new LinearConstraint($"lower bound of {problem.Assets[i]}", Homogenised(n, i, lo, c.Budget, -1), 0));
            }
            // With every yᵢ ≥ 0, B·yᵢ ≤ Σy always holds, so an upper bound ≥ the budget needs no row.
            if (allowsShorts || hi < c.Budget)
            {
                inequalities.Add(new LinearConstraint($"upper bound of {problem.Assets[i]}", Homogenised(n, i, hi, c.Budget, 1), 0));
            }
        }
        for (var g = 0; g < c.GroupCaps.Count; g++)
        {
            var (assets, cap) = c.GroupCaps[g];
            var row = Enumerable.Repeat(-cap, n).ToArray();
            foreach (var index in assets) row[index] += c.Budget;
            inequalities.Add(new LinearConstraint($"group cap {g} ({ProblemValidation.GroupName(problem, assets)} ≤ {cap})", row, 0));
        }
        if (allowsShorts)
        {
            // κ = Σy/B must stay positive for w = B·y/Σy to be the same portfolio.
            inequalities.Add(new LinearConstraint("positive scale (Σy ≥ 0)", Enumerable.Repeat(-1.0, n).ToArray(), 0));
        }
        var program = new QuadraticProgram
        {
            Quadratic = MeanVarianceProgram.Quadratic(problem, 1.0),
            Linear = new double[n],
            Lower = lower,
            Upper = upper,
            Equalities = [new LinearConstraint("unit excess return ((μ − rf)ᵀy = 1)", excess, 1.0)],
            Inequalities = inequalities,
            VariableNames = problem.Assets,
        };
        QpSolution solution;
        try
        {
            solution = _solver.Solve(program);
        }
        catch (OptimizationException e) when (e.Message.Contains("infeasible", StringComparison.Ordinal))
        {
            throw new OptimizationException(
                $"{Name}: no portfolio within the bounds and caps has expected return above the risk-free rate {c.RiskFreeRate:G6}; lower --risk-free, widen the bounds or use min-vol. ({e.Message})", e);
        }
        var scale = solution.X.Sum();
        if (!(scale > 1e-12 * solution.X.Sum(Math.Abs)))
        {
            throw new OptimizationException($"{Name}: the tangency portfolio is unbounded (net exposure tends to zero); tighten the short bounds or use max-utility.");
        }
        var weights = solution.X.Select(y => c.Budget * y / scale).ToArray();
        return WeightFinisher.Finish(Name, problem, weights);
    }

    // sign = 1: B·yᵢ − bound·Σy ≤ 0 (upper); sign = −1: bound·Σy − B·yᵢ ≤ 0 (lower).
    private static double[] Homogenised(int n, int asset, double bound, double budget, int sign)
    {
        var row = Enumerable.Repeat(-sign * bound, n).ToArray();
        row[asset] += sign * budget;
        return row;
    }
}
