using ActorTrader.Quant.Portfolio;
using ActorTrader.Quant.Solvers.Lp;

namespace ActorTrader.Quant.Tests.Solvers.Lp;

public class InteriorPointLpSolverTests
{
    private const double Tolerance = 1e-8;
    private static readonly InteriorPointLpSolver Solver = new();

    private static void Row(LinearProgram lp, string name, int[] vars, double[] coefs, ConstraintRelation relation, double rhs) =>
        lp.AddConstraint(name, vars, coefs, relation, rhs);

    [Fact]
    public void Textbook_production_problem_reaches_its_known_vertex()
    {
        // Hillier & Lieberman's Wyndor Glass: max 3x + 5y, x ≤ 4, 2y ≤ 12, 3x + 2y ≤ 18 → (2, 6), profit 36.
        var lp = new LinearProgram("wyndor");
        var x = lp.AddVariable("x", -3);
        var y = lp.AddVariable("y", -5);
        Row(lp, "plant1", [x], [1], ConstraintRelation.LessOrEqual, 4);
        Row(lp, "plant2", [y], [2], ConstraintRelation.LessOrEqual, 12);
        Row(lp, "plant3", [x, y], [3, 2], ConstraintRelation.LessOrEqual, 18);

        var solution = Solver.Solve(lp);

        Assert.Equal(2, solution.Values[x], Tolerance);
        Assert.Equal(6, solution.Values[y], Tolerance);
        Assert.Equal(-36, solution.Objective, Tolerance);
    }

    [Fact]
    public void Duals_of_the_textbook_problem_are_its_shadow_prices()
    {
        var lp = new LinearProgram("wyndor");
        var x = lp.AddVariable("x", -3);
        var y = lp.AddVariable("y", -5);
        Row(lp, "plant1", [x], [1], ConstraintRelation.LessOrEqual, 4);
        Row(lp, "plant2", [y], [2], ConstraintRelation.LessOrEqual, 12);
        Row(lp, "plant3", [x, y], [3, 2], ConstraintRelation.LessOrEqual, 18);

        var duals = Solver.Solve(lp).ConstraintDuals;

        // Shadow prices of the maximisation are 0, 3/2, 1; the minimisation's duals are their negatives.
        Assert.Equal(0, duals[0], 1e-7);
        Assert.Equal(-1.5, duals[1], 1e-7);
        Assert.Equal(-1, duals[2], 1e-7);
    }

    [Fact]
    public void Degenerate_vertex_with_a_redundant_constraint_is_solved()
    {
        // Three constraints meet at (2/3, 2/3): x + 2y ≤ 2, 2x + y ≤ 2 and the redundant x + y ≤ 4/3.
        var lp = new LinearProgram("degenerate");
        var x = lp.AddVariable("x", -1);
        var y = lp.AddVariable("y", -1);
        Row(lp, "a", [x, y], [1, 2], ConstraintRelation.LessOrEqual, 2);
        Row(lp, "b", [x, y], [2, 1], ConstraintRelation.LessOrEqual, 2);
        Row(lp, "c", [x, y], [1, 1], ConstraintRelation.LessOrEqual, 4.0 / 3);

        var solution = Solver.Solve(lp);

        Assert.Equal(2.0 / 3, solution.Values[x], Tolerance);
        Assert.Equal(2.0 / 3, solution.Values[y], Tolerance);
    }

    [Fact]
    public void Optimal_face_is_returned_at_its_analytic_centre()
    {
        // Every point of x + y = 1 between the bounds is optimal; interior-point methods return the face's centre.
        var lp = new LinearProgram("face");
        var x = lp.AddVariable("x", 1, 0, 1);
        var y = lp.AddVariable("y", 1, 0, 1);
        Row(lp, "sum", [x, y], [1, 1], ConstraintRelation.GreaterOrEqual, 1);

        var solution = Solver.Solve(lp);

        Assert.Equal(0.5, solution.Values[x], 1e-6);
        Assert.Equal(1, solution.Objective, Tolerance);
    }

    [Fact]
    public void Equality_with_two_sided_bounds_reaches_the_bound_vertex()
    {
        // min 2a + 3b + c, a + b + c = 10, a − b ≥ 2, 1 ≤ a ≤ 4, 0 ≤ b ≤ 5, 2 ≤ c ≤ 5 → (4, 1, 5), cost 16.
        var lp = new LinearProgram("bounded");
        var a = lp.AddVariable("a", 2, 1, 4);
        var b = lp.AddVariable("b", 3, 0, 5);
        var c = lp.AddVariable("c", 1, 2, 5);
        Row(lp, "total", [a, b, c], [1, 1, 1], ConstraintRelation.Equal, 10);
        Row(lp, "spread", [a, b], [1, -1], ConstraintRelation.GreaterOrEqual, 2);

        var solution = Solver.Solve(lp);

        Assert.Equal(4, solution.Values[a], Tolerance);
        Assert.Equal(1, solution.Values[b], Tolerance);
        Assert.Equal(5, solution.Values[c], Tolerance);
        Assert.Equal(16, solution.Objective, Tolerance);
    }

    [Fact]
    public void Free_and_upper_only_variables_reach_their_limits()
    {
        var lp = new LinearProgram("free");
        var free = lp.AddVariable("free", 1, double.NegativeInfinity, double.PositiveInfinity);
        var capped = lp.AddVariable("capped", -1, double.NegativeInfinity, 3);
        Row(lp, "floor", [free, capped], [1, 1], ConstraintRelation.GreaterOrEqual, -5);

        var solution = Solver.Solve(lp);

        Assert.Equal(3, solution.Values[capped], Tolerance);
        Assert.Equal(-8, solution.Values[free], Tolerance);
    }

    [Fact]
    public void Fixed_variable_is_substituted()
    {
        var lp = new LinearProgram("fixed");
        var x = lp.AddVariable("x", 1, 2, 2);
        var y = lp.AddVariable("y", 1);
        Row(lp, "sum", [x, y], [1, 1], ConstraintRelation.GreaterOrEqual, 5);

        var solution = Solver.Solve(lp);

        Assert.Equal(2, solution.Values[x]);
        Assert.Equal(3, solution.Values[y], Tolerance);
    }

    [Fact]
    public void Contradictory_rows_are_reported_as_infeasible()
    {
        var lp = new LinearProgram("contradiction");
        var x = lp.AddVariable("x", 1);
        var y = lp.AddVariable("y", 1);
        Row(lp, "at-most-one", [x, y], [1, 1], ConstraintRelation.LessOrEqual, 1);
        Row(lp, "at-least-two", [x, y], [1, 1], ConstraintRelation.GreaterOrEqual, 2);

        var error = Assert.Throws<OptimizationException>(() => Solver.Solve(lp));

        Assert.Contains("contradiction", error.Message, StringComparison.Ordinal);
        Assert.Contains("infeasible", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Row_beyond_the_variable_bounds_is_reported_as_infeasible()
    {
        var lp = new LinearProgram("bounds");
        var x = lp.AddVariable("x", 0, 0, 1);
        var y = lp.AddVariable("y", 0, 0, 1);
        Row(lp, "three", [x, y], [1, 1], ConstraintRelation.GreaterOrEqual, 3);

        var error = Assert.Throws<OptimizationException>(() => Solver.Solve(lp));

        Assert.Contains("infeasible", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Crossed_bounds_are_reported_as_infeasible_naming_the_variable()
    {
        var lp = new LinearProgram("crossed");
        lp.AddVariable("weight_AMZN", 1, 0.5, 0.2);

        var error = Assert.Throws<OptimizationException>(() => Solver.Solve(lp));

        Assert.Contains("weight_AMZN", error.Message, StringComparison.Ordinal);
        Assert.Contains("infeasible", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Objective_falling_along_a_ray_is_reported_as_unbounded()
    {
        var lp = new LinearProgram("ray");
        var x = lp.AddVariable("x", -1);
        var y = lp.AddVariable("y", 0);
        Row(lp, "spread", [x, y], [1, -1], ConstraintRelation.LessOrEqual, 1);

        var error = Assert.Throws<OptimizationException>(() => Solver.Solve(lp));

        Assert.Contains("unbounded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Logarithmic_terms_are_minimised_exactly()
    {
        // min x + y − 0.5 ln x − 0.25 ln y is separable: x = 0.5, y = 0.25 (the row is slack).
        var lp = new LinearProgram("log");
        var x = lp.AddVariable("x", 1, logWeight: 0.5);
        var y = lp.AddVariable("y", 1, logWeight: 0.25);
        Row(lp, "cap", [x, y], [1, 1], ConstraintRelation.LessOrEqual, 10);

        var solution = Solver.Solve(lp);

        Assert.Equal(0.5, solution.Values[x], Tolerance);
        Assert.Equal(0.25, solution.Values[y], Tolerance);
    }

    [Fact]
    public void Logarithmic_terms_under_a_binding_budget_follow_their_weights()
    {
        // max 0.2 ln x + 0.8 ln y s.t. x + y = 1 → x = 0.2, y = 0.8.
        var lp = new LinearProgram("log-budget");
        var x = lp.AddVariable("x", 0, logWeight: 0.2);
        var y = lp.AddVariable("y", 0, logWeight: 0.8);
        Row(lp, "budget", [x, y], [1, 1], ConstraintRelation.Equal, 1);

        var solution = Solver.Solve(lp);

        Assert.Equal(0.2, solution.Values[x], Tolerance);
        Assert.Equal(0.8, solution.Values[y], Tolerance);
    }

    [Fact]
    public void Random_feasible_programs_satisfy_strong_duality()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 20; trial++)
        {
            var lp = new LinearProgram($"random-{trial}");
            const int n = 8, m = 5;
            var vars = new int[n];
            var cost = new double[n];
            var upper = new double[n];
            for (var j = 0; j < n; j++)
            {
                (cost[j], upper[j]) = (random.NextDouble() + 0.1, 1 + random.NextDouble());
                vars[j] = lp.AddVariable($"x{j}", cost[j], 0, upper[j]);
            }
            var rows = new double[m][];
            var rhs = new double[m];
            for (var i = 0; i < m; i++)
            {
                rows[i] = Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray();
                rhs[i] = 0.5 * rows[i].Sum();
                Row(lp, $"r{i}", vars, rows[i], ConstraintRelation.GreaterOrEqual, rhs[i]);
            }

            var solution = Solver.Solve(lp);

            // Dual of min cᵀx, Ax ≥ b, 0 ≤ x ≤ u: max bᵀy + Σ uⱼ·min(0, cⱼ − aⱼᵀy) with y ≥ 0.
            var y = solution.ConstraintDuals;
            var dualObjective = 0.0;
            for (var i = 0; i < m; i++) dualObjective += y[i] * rhs[i];
            for (var j = 0; j < n; j++)
            {
                var reduced = cost[j];
                for (var i = 0; i < m; i++) reduced -= y[i] * rows[i][j];
                dualObjective += upper[j] * Math.Min(0, reduced);
            }
            Assert.Equal(solution.Objective, dualObjective, 1e-7);
            Assert.All(y, yi => Assert.True(yi >= -1e-9, $"trial {trial}: a ≥ row has dual {yi}"));
        }
    }
}
