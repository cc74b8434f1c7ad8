using ActorTrader.Quant.Solvers.Lp;

namespace ActorTrader.Quant.Portfolio.RiskMeasures;

/// <summary>
/// Maximum (μ·w − r_f)/risk(w) portfolio for a scenario <see cref="RiskMeasure"/> (Riskfolio's obj="Sharpe", hist=True),
/// solved exactly as one LP by the Charnes–Cooper transformation: v = s·w, s ≥ 0, μ·v − r_f·s = 1, Σv = budget·s, bounds
/// and caps scaled by s, minimise risk(v); then w = v/s. μ is <see cref="PortfolioProblem.ExpectedReturns"/> and r_f is
/// <see cref="PortfolioConstraints.RiskFreeRate"/> in the same periodicity; the risk itself always uses the periodic
/// <see cref="PortfolioProblem.Returns"/>. Needs some feasible portfolio with μ·w &gt; r_f.
/// Names: <c>max-return-mad</c>, <c>max-return-cvar</c>, <c>max-return-cdar</c>, <c>max-return-mdd</c>.
/// </summary>
public sealed class RiskReturnRatioOptimizer(RiskMeasure measure, LpTolerances? tolerances = null) : IPortfolioOptimizer
{
    private readonly InteriorPointLpSolver _solver = new(tolerances);

    /// <summary>The risk measure in the ratio's denominator.</summary>
    public RiskMeasure Measure { get; } = measure;

    /// <inheritdoc />
    public string Name { get; } = "max-return-" + measure.Token();

    /// <inheritdoc />
    public PortfolioWeights Optimize(PortfolioProblem problem)
    {
        ScenarioProblemCheck.Validate(Name, problem, needsAlpha: true);
        var c = problem.Constraints;
        if (problem.ExpectedReturns.Count != problem.Count)
        {
            throw new OptimizationException($"{Name}: ExpectedReturns has {problem.ExpectedReturns.Count} entries for {problem.Count} assets; pass one per asset.");
        }
        if (!(c.Budget > 0))
        {
            throw new OptimizationException($"{Name}: Constraints.Budget is {c.Budget}; the return/risk ratio needs a positive budget.");
        }
        var lp = new LinearProgram(Name);
        var weights = WeightConstraintRows.AddHomogeneous(lp, problem, budgetPerScale: c.Budget, boundFactor: 1.0, logWeights: null, out var scale);
        var excess = weights.Select((_, i) => problem.ExpectedReturns[i]).Append(-c.RiskFreeRate).ToArray();
        // Riskfolio fixes μ·v − r_f·s = 1; any positive level gives the same weights, and the equal-weight excess
        // return (or the best asset's) keeps s near 1, where the interior-point method starts.
        var equalExcess = c.Budget * problem.ExpectedReturns.Average() - c.RiskFreeRate;
        var level = equalExcess > 0 ? equalExcess : Math.Max(problem.ExpectedReturns.Max() * c.Budget - c.RiskFreeRate, 1e-12);
        lp.AddConstraint("excess-return", weights.Append(scale).ToArray(), excess, ConstraintRelation.Equal, level);
        RiskObjective.Add(lp, Measure, problem.Returns, weights, c.Alpha, scale, MinimumRiskOptimizer.GrossBound(problem));
        LpSolution solution;
        try
        {
            solution = _solver.Solve(lp);
        }
        catch (OptimizationException e)
        {
            throw new OptimizationException($"{Name}: no feasible portfolio earns more than the risk-free rate {c.RiskFreeRate} (or the LP failed: {e.Message}); lower RiskFreeRate or relax the bounds.", e);
        }
        var values = weights.Select(v => solution.Values[v]).ToArray();
        // The solver meets the budget to ~1e-10 relative; rescaling makes Σw exact, and the finisher snaps round-off
        // at the bounds, checks bounds and group caps and applies the stable-sum gate like every other optimiser.
        var sum = values.Sum();
        if (Math.Abs(sum) > StableSumGate.MinAbsoluteSum) values = values.Select(v => v * problem.Constraints.Budget / sum).ToArray();
        return WeightFinisher.Finish(Name, problem, values);
    }
}
