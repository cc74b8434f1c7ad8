using ActorTrader.Quant.Solvers.Lp;

namespace ActorTrader.Quant.Portfolio.RiskMeasures;

/// <summary>
/// Adds <see cref="PortfolioConstraints"/> (budget, per-asset bounds, group caps) to a scenario LP, either directly on
/// the weights or homogeneously on scaled weights v = s·w with a scale variable s ≥ 0 (the Charnes–Cooper form of the
/// ratio objective and the scale-free risk budgeting problem), where each bound b becomes vᵢ − b·s ≤ 0.
/// </summary>
internal static class WeightConstraintRows
{
    /// <summary>Weight variables with their bounds, Σw = budget and Σ_group w ≤ cap.</summary>
    public static int[] AddDirect(LinearProgram lp, PortfolioProblem problem)
    {
        var c = problem.Constraints;
        var weights = new int[problem.Count];
        for (var i = 0; i < weights.Length; i++)
        {
            var (lower, upper) = c.BoundsOf(i);
            weights[i] = lp.AddVariable($"w[{problem.Assets[i]}]", 0.0, lower, upper);
        }
        lp.AddConstraint("budget", weights, Ones(weights.Length), ConstraintRelation.Equal, c.Budget);
        AddGroupCaps(lp, problem, weights, scale: null, factor: 1.0);
        return weights;
    }

    /// <summary>
    /// Scaled weight variables v, tied to the scale variable by Σv = <paramref name="budgetPerScale"/>·s, and bounds and
    /// caps multiplied by <paramref name="boundFactor"/>·s. Returns the weights; <paramref name="scale"/> is s.
    /// <paramref name="logWeights"/> (risk budgets) make every v strictly positive, so negative lower bounds do not apply.
    /// </summary>
    public static int[] AddHomogeneous(LinearProgram lp, PortfolioProblem problem, double budgetPerScale, double boundFactor, IReadOnlyList<double>? logWeights, out int scale)
    {
        var c = problem.Constraints;
        var n = problem.Count;
        var longOnly = logWeights is not null || Enumerable.Range(0, n).All(i => c.BoundsOf(i).Lower >= 0);
        var weights = new int[n];
        for (var i = 0; i < n; i++)
        {
            var lower = longOnly ? 0.0 : double.NegativeInfinity;
            weights[i] = lp.AddVariable($"v[{problem.Assets[i]}]", 0.0, lower, double.PositiveInfinity, logWeights?[i] ?? 0.0);
        }
        scale = lp.AddVariable("scale", 0.0);
        var sumVars = weights.Append(scale).ToArray();
        var sumCoefs = Ones(n).Append(-budgetPerScale).ToArray();
        lp.AddConstraint("budget", sumVars, sumCoefs, ConstraintRelation.Equal, 0);
        for (var i = 0; i < n; i++)
        {
            var (lower, upper) = c.BoundsOf(i);
            // A long-only weight cannot exceed the budget, so such caps add nothing but rows.
            if (double.IsFinite(upper) && !(longOnly && upper >= c.Budget))
            {
                lp.AddConstraint($"upper[{problem.Assets[i]}]", [weights[i], scale], [1.0, -boundFactor * upper], ConstraintRelation.LessOrEqual, 0);
            }
            if (double.IsFinite(lower) && (lower > 0 || (!longOnly && lower < 0)))
            {
                lp.AddConstraint($"lower[{problem.Assets[i]}]", [weights[i], scale], [1.0, -boundFactor * lower], ConstraintRelation.GreaterOrEqual, 0);
            }
        }
        AddGroupCaps(lp, problem, weights, scale, boundFactor);
        return weights;
    }

    private static void AddGroupCaps(LinearProgram lp, PortfolioProblem problem, int[] weights, int? scale, double factor)
    {
        var caps = problem.Constraints.GroupCaps;
        for (var g = 0; g < caps.Count; g++)
        {
            var (assets, cap) = caps[g];
            var vars = new List<int>();
            foreach (var a in assets)
            {
                if ((uint)a >= (uint)weights.Length)
                {
                    throw new OptimizationException($"{lp.Name}: group cap {g} names asset index {a}, but there are {weights.Length} assets; fix Constraints.GroupCaps.");
                }
                vars.Add(weights[a]);
            }
            var coefs = Ones(vars.Count).ToList();
            var rhs = cap;
            if (scale is { } s)
            {
                vars.Add(s);
                coefs.Add(-factor * cap);
                rhs = 0;
            }
            lp.AddConstraint($"group-cap[{g}]", vars.ToArray(), coefs.ToArray(), ConstraintRelation.LessOrEqual, rhs);
        }
    }

    private static double[] Ones(int n)
    {
        var ones = new double[n];
        Array.Fill(ones, 1.0);
        return ones;
    }
}
