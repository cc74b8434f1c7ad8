using ActorTrader.Quant.Solvers.Lp;

namespace ActorTrader.Quant.Portfolio.RiskMeasures;

/// <summary>
/// Risk budgeting (risk parity with equal budgets) for a scenario <see cref="RiskMeasure"/>, Riskfolio's
/// rp_optimization: minimise risk(v) subject to Σ bᵢ ln vᵢ ≥ c, then normalise w = budget·v/Σv. Because these risk
/// measures are positively homogeneous, that problem has the same solution ray as min risk(v) − Σ bᵢ ln vᵢ, whose
/// optimality conditions are exactly vᵢ·∂risk/∂vᵢ = bᵢ (risk contributions proportional to the budgets); the
/// interior-point solver handles the logarithms natively as shifted complementarity (no outer approximation).
/// Budgets are <see cref="PortfolioConstraints.RiskBudgets"/> (equal when null), normalised to sum 1. Upper and positive
/// lower bounds and group caps apply to the normalised weights (homogeneous rows); the method is long-only by
/// construction, so negative lower bounds have no effect. With binding bounds or caps the contributions are no longer
/// proportional to the budgets. Names: <c>risk-parity-mad</c>, <c>risk-parity-cvar</c>, <c>risk-parity-cdar</c>.
/// </summary>
public sealed class RiskBudgetingOptimizer : IPortfolioOptimizer
{
    private readonly InteriorPointLpSolver _solver;

    /// <summary>Risk budgeting under <paramref name="measure"/>; max drawdown is excluded (Riskfolio has no MDD risk parity).</summary>
    public RiskBudgetingOptimizer(RiskMeasure measure, LpTolerances? tolerances = null)
    {
        if (measure == RiskMeasure.MaxDrawdown)
        {
            throw new ArgumentException("Risk parity is not defined for max drawdown (a single period carries all the risk); use mad, cvar or cdar.", nameof(measure));
        }
        Measure = measure;
        Name = "risk-parity-" + measure.Token();
        _solver = new InteriorPointLpSolver(tolerances);
    }

    /// <summary>The risk measure whose contributions are budgeted.</summary>
    public RiskMeasure Measure { get; }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public PortfolioWeights Optimize(PortfolioProblem problem)
    {
        ScenarioProblemCheck.Validate(Name, problem, needsAlpha: true);
        var c = problem.Constraints;
        if (!(c.Budget > 0))
        {
            throw new OptimizationException($"{Name}: Constraints.Budget is {c.Budget}; risk budgeting needs a positive budget.");
        }
        var budgets = RiskBudgets(problem);
        var lp = new LinearProgram(Name);
        var weights = WeightConstraintRows.AddHomogeneous(lp, problem, budgetPerScale: 1.0, boundFactor: 1.0 / c.Budget, budgets, out var scale);
        // Scaling the risk by 1/risk(equal weights) makes the optimum's Σv ≈ 1, where the interior-point start is.
        var equalRisk = ScenarioRisk.Evaluate(Measure, problem.Returns, Enumerable.Repeat(1.0 / problem.Count, problem.Count).ToArray(), c.Alpha);
        var objectiveScale = equalRisk > 0 ? 1.0 / equalRisk : 1.0;
        RiskObjective.Add(lp, Measure, problem.Returns, weights, c.Alpha, scale, grossPerScale: 1.0, objectiveScale);
        LpSolution solution;
        try
        {
            solution = _solver.Solve(lp);
        }
        catch (OptimizationException e)
        {
            throw new OptimizationException($"{Name}: risk budgeting failed ({e.Message}); an unbounded problem means some portfolio has zero or negative {Measure} on this sample, use a longer history.", e);
        }
        var values = weights.Select(v => solution.Values[v]).ToArray();
        // The solver meets the budget to ~1e-10 relative; rescaling makes Σw exact, and the finisher snaps round-off
        // at the bounds, checks bounds and group caps and applies the stable-sum gate like every other optimiser.
        var sum = values.Sum();
        if (Math.Abs(sum) > StableSumGate.MinAbsoluteSum) values = values.Select(v => v * problem.Constraints.Budget / sum).ToArray();
        return WeightFinisher.Finish(Name, problem, values);
    }

    private double[] RiskBudgets(PortfolioProblem problem)
    {
        var given = problem.Constraints.RiskBudgets;
        if (given is null) return Enumerable.Repeat(1.0 / problem.Count, problem.Count).ToArray();
        if (given.Count != problem.Count || given.Any(b => !(b > 0) || !double.IsFinite(b)))
        {
            throw new OptimizationException($"{Name}: Constraints.RiskBudgets needs {problem.Count} positive finite entries (one per asset), got [{string.Join(", ", given)}].");
        }
        var total = given.Sum();
        return given.Select(b => b / total).ToArray();
    }
}
