using ActorTrader.Quant.Solvers.Lp;

namespace ActorTrader.Quant.Portfolio.RiskMeasures;

/// <summary>
/// Minimum-risk portfolio for a scenario <see cref="RiskMeasure"/> (Riskfolio's obj="MinRisk", hist=True): one exact LP
/// over <see cref="PortfolioProblem.Returns"/> with the budget, per-asset bounds and group caps of the constraints.
/// Names: <c>min-mad</c>, <c>min-cvar</c>, <c>min-cdar</c>, <c>min-mdd</c>.
/// </summary>
public sealed class MinimumRiskOptimizer(RiskMeasure measure, LpTolerances? tolerances = null) : IPortfolioOptimizer
{
    private readonly InteriorPointLpSolver _solver = new(tolerances);

    /// <summary>The risk measure minimised.</summary>
    public RiskMeasure Measure { get; } = measure;

    /// <inheritdoc />
    public string Name { get; } = "min-" + measure.Token();

    /// <inheritdoc />
    public PortfolioWeights Optimize(PortfolioProblem problem)
    {
        ScenarioProblemCheck.Validate(Name, problem, needsAlpha: true);
        var lp = new LinearProgram(Name);
        var weights = WeightConstraintRows.AddDirect(lp, problem);
        RiskObjective.Add(lp, Measure, problem.Returns, weights, problem.Constraints.Alpha, grossPerScale: GrossBound(problem));
        var solution = _solver.Solve(lp);
        var values = weights.Select(v => solution.Values[v]).ToArray();
        // The solver meets the budget to ~1e-10 relative; rescaling makes Σw exact, and the finisher snaps round-off
        // at the bounds, checks bounds and group caps and applies the stable-sum gate like every other optimiser.
        var sum = values.Sum();
        if (Math.Abs(sum) > StableSumGate.MinAbsoluteSum) values = values.Select(v => v * problem.Constraints.Budget / sum).ToArray();
        return WeightFinisher.Finish(Name, problem, values);
    }

    /// <summary>A bound on Σ|wᵢ|: the budget when long-only, else the sum of the largest |bound| per asset.</summary>
    internal static double GrossBound(PortfolioProblem problem)
    {
        var c = problem.Constraints;
        var bounds = Enumerable.Range(0, problem.Count).Select(c.BoundsOf).ToArray();
        return bounds.All(b => b.Lower >= 0) ? Math.Abs(c.Budget) : bounds.Sum(b => Math.Max(Math.Abs(b.Lower), Math.Abs(b.Upper)));
    }
}
