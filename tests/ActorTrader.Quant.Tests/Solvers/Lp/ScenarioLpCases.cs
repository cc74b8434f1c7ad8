using ActorTrader.Quant.Portfolio;
using ActorTrader.Quant.Portfolio.RiskMeasures;
using ActorTrader.Quant.Solvers.Lp;
using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Quant.Tests.Solvers.Lp;

/// <summary>Random scenario LPs shaped exactly like the optimisers' (min risk, return/risk ratio, risk budgeting).</summary>
internal static class ScenarioLpCases
{
    public static PortfolioProblem RandomProblem(int seed, int days, int assets, PortfolioConstraints constraints)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var loadings = Enumerable.Range(0, assets).Select(_ => 0.7 + 0.5 * random.NextDouble()).ToArray();
        var drift = Enumerable.Range(0, assets).Select(_ => 0.0002 + 0.001 * random.NextDouble()).ToArray();
        var returns = Matrix<double>.Build.Dense(days, assets);
        for (var t = 0; t < days; t++)
        {
            var market = 0.01 * Normal();
            for (var i = 0; i < assets; i++) returns[t, i] = drift[i] + loadings[i] * market + (0.005 + 0.01 * i / assets) * Normal();
        }
        var mean = Vector<double>.Build.Dense(assets, i => returns.Column(i).Average());
        return new PortfolioProblem(
            Enumerable.Range(0, assets).Select(i => $"A{i}").ToArray(), returns, mean, Matrix<double>.Build.DenseIdentity(assets), constraints);
    }

    /// <summary>The LP of <see cref="MinimumRiskOptimizer"/>; returns the weight variables.</summary>
    public static (LinearProgram Program, int[] Weights) MinimumRisk(PortfolioProblem problem, RiskMeasure measure)
    {
        var lp = new LinearProgram("min-" + measure.Token());
        var weights = WeightConstraintRows.AddDirect(lp, problem);
        RiskObjective.Add(lp, measure, problem.Returns, weights, problem.Constraints.Alpha, grossPerScale: MinimumRiskOptimizer.GrossBound(problem));
        return (lp, weights);
    }

    /// <summary>The Charnes–Cooper LP of <see cref="RiskReturnRatioOptimizer"/> (free scaled weights when shorting is allowed).</summary>
    public static (LinearProgram Program, int[] Weights) ReturnRiskRatio(PortfolioProblem problem, RiskMeasure measure)
    {
        var c = problem.Constraints;
        var lp = new LinearProgram("max-return-" + measure.Token());
        var weights = WeightConstraintRows.AddHomogeneous(lp, problem, c.Budget, 1.0, null, out var scale);
        var excess = weights.Select((_, i) => problem.ExpectedReturns[i]).Append(-c.RiskFreeRate).ToArray();
        lp.AddConstraint("excess-return", weights.Append(scale).ToArray(), excess, ConstraintRelation.Equal, c.Budget * problem.ExpectedReturns.Average());
        RiskObjective.Add(lp, measure, problem.Returns, weights, c.Alpha, scale, MinimumRiskOptimizer.GrossBound(problem));
        return (lp, weights);
    }

    /// <summary>The log-barrier LP of <see cref="RiskBudgetingOptimizer"/> with equal budgets.</summary>
    public static (LinearProgram Program, int[] Weights) RiskBudgeting(PortfolioProblem problem, RiskMeasure measure)
    {
        var c = problem.Constraints;
        var lp = new LinearProgram("risk-parity-" + measure.Token());
        var budgets = Enumerable.Repeat(1.0 / problem.Count, problem.Count).ToArray();
        var weights = WeightConstraintRows.AddHomogeneous(lp, problem, 1.0, 1.0 / c.Budget, budgets, out var scale);
        var equalRisk = ScenarioRisk.Evaluate(measure, problem.Returns, budgets, c.Alpha);
        RiskObjective.Add(lp, measure, problem.Returns, weights, c.Alpha, scale, 1.0, 1.0 / equalRisk);
        return (lp, weights);
    }
}
