using ActorTrader.Quant.Solvers.Qp;

namespace ActorTrader.Quant.Portfolio;

/// <summary>Builds the QP of a weight-space problem: asset bounds, the budget equality and the group caps.</summary>
internal static class MeanVarianceProgram
{
    /// <summary>min ½wᵀ(scale·Σ)w + cᵀw under the problem's constraints plus <paramref name="extra"/> inequalities.</summary>
    public static QuadraticProgram Build(PortfolioProblem problem, double covarianceScale, double[] linear, params LinearConstraint[] extra)
    {
        var n = problem.Count;
        var c = problem.Constraints;
        var lower = new double[n];
        var upper = new double[n];
        for (var i = 0; i < n; i++) (lower[i], upper[i]) = c.BoundsOf(i);
        var inequalities = new List<LinearConstraint>();
        for (var g = 0; g < c.GroupCaps.Count; g++)
        {
            var (assets, cap) = c.GroupCaps[g];
            var row = new double[n];
            foreach (var index in assets) row[index] = 1.0;
            inequalities.Add(new LinearConstraint($"group cap {g} ({ProblemValidation.GroupName(problem, assets)} ≤ {cap})", row, cap));
        }
        inequalities.AddRange(extra);
        return new QuadraticProgram
        {
            Quadratic = Quadratic(problem, covarianceScale),
            Linear = linear,
            Lower = lower,
            Upper = upper,
            Equalities = [new LinearConstraint($"budget (Σw = {c.Budget})", Enumerable.Repeat(1.0, n).ToArray(), c.Budget)],
            Inequalities = inequalities,
            VariableNames = problem.Assets,
        };
    }

    /// <summary>scale·Σ as a row-major array.</summary>
    public static double[] Quadratic(PortfolioProblem problem, double scale)
    {
        var n = problem.Count;
        var q = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++) q[i * n + j] = scale * problem.Covariance[i, j];
        }
        return q;
    }

    /// <summary>Max μᵀw over the bounds and budget alone (greedy: fill the highest returns first); exact without group caps.</summary>
    public static double MaximumReturnWithinBounds(PortfolioProblem problem)
    {
        var n = problem.Count;
        var c = problem.Constraints;
        var w = new double[n];
        var remaining = c.Budget;
        for (var i = 0; i < n; i++)
        {
            w[i] = c.BoundsOf(i).Lower;
            remaining -= w[i];
        }
        foreach (var i in Enumerable.Range(0, n).OrderByDescending(i => problem.ExpectedReturns[i]).ThenBy(i => i))
        {
            var add = Math.Min(remaining, c.BoundsOf(i).Upper - w[i]);
            w[i] += add;
            remaining -= add;
        }
        return Enumerable.Range(0, n).Sum(i => w[i] * problem.ExpectedReturns[i]);
    }
}
