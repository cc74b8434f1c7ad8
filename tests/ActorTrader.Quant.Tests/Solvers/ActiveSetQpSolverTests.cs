using ActorTrader.Quant.Portfolio;
using ActorTrader.Quant.Solvers.Qp;
using ActorTrader.Quant.Tests.Portfolio;

namespace ActorTrader.Quant.Tests.Solvers;

public sealed class ActiveSetQpSolverTests
{
    private static readonly ActiveSetQpSolver Solver = new();

    private static QuadraticProgram Program(double[] q, double[] c, double lower = double.NegativeInfinity, double upper = double.PositiveInfinity) => new()
    {
        Quadratic = q,
        Linear = c,
        Lower = Enumerable.Repeat(lower, c.Length).ToArray(),
        Upper = Enumerable.Repeat(upper, c.Length).ToArray(),
    };

    private static LinearConstraint Budget(int n, double b = 1) => new("budget", Enumerable.Repeat(1.0, n).ToArray(), b);

    [Fact]
    public void Unconstrained_minimum_solves_Qx_equals_minus_c()
    {
        var solution = Solver.Solve(Program([2, 0, 0, 4], [-2, -4]));

        Near.Equal(new[] { 1.0, 1.0 }, solution.X, 12);
    }

    [Fact]
    public void Equality_splits_the_budget_symmetrically()
    {
        var solution = Solver.Solve(Program([1, 0, 0, 1], [-1, -1]) with { Equalities = [Budget(2)] });

        Near.Equal(new[] { 0.5, 0.5 }, solution.X, 12);
    }

    [Fact]
    public void Active_upper_bound_moves_the_rest_to_the_other_variable()
    {
        var program = Program([1, 0, 0, 1], [-1, -1]) with { Equalities = [Budget(2)], Upper = [0.2, 1] };

        var solution = Solver.Solve(program);

        Near.Equal(new[] { 0.2, 0.8 }, solution.X, 12);
        Assert.Contains("upper bound of x[0]", solution.ActiveConstraints);
    }

    [Fact]
    public void Linear_inequality_projects_onto_the_half_plane()
    {
        // min (x−2)² + (y−2)² s.t. x + y ≤ 2 → (1, 1).
        var program = Program([2, 0, 0, 2], [-4, -4]) with { Inequalities = [new LinearConstraint("cap", [1, 1], 2)] };

        Near.Equal(new[] { 1.0, 1.0 }, Solver.Solve(program).X, 12);
    }

    [Fact]
    public void Bounds_that_cannot_reach_the_budget_are_infeasible_and_named()
    {
        var program = Program([1, 0, 0, 1], [0, 0], lower: 0, upper: 0.3) with { Equalities = [Budget(2)] };

        var error = Assert.Throws<OptimizationException>(() => Solver.Solve(program));

        Assert.Contains("infeasible", error.Message, StringComparison.Ordinal);
        Assert.Contains("budget", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Contradictory_equalities_are_infeasible()
    {
        var program = Program([1, 0, 0, 1], [0, 0]) with { Equalities = [Budget(2, 1), Budget(2, 2) with { Name = "second" }] };

        var error = Assert.Throws<OptimizationException>(() => Solver.Solve(program));

        Assert.Contains("second", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Singular_quadratic_is_regularised_with_a_reported_ridge()
    {
        // Two identical assets: Q = [[1,1],[1,1]] is singular; any split is optimal, the ridge picks the even one.
        var program = Program([1, 1, 1, 1], [0, 0], lower: 0, upper: 1) with { Equalities = [Budget(2)] };

        var solution = Solver.Solve(program);

        Assert.True(solution.Ridge > 0);
        Assert.Equal(1.0, solution.X.Sum(), 12);
        Assert.Equal(0.5, solution.Objective, 9);
    }

    [Fact]
    public void Solving_twice_gives_bit_identical_results()
    {
        var program = RandomProgram(new Random(7), 30);

        Assert.Equal(Solver.Solve(program).X, Solver.Solve(program).X);
    }

    [Fact]
    public void Random_box_budget_programs_beat_every_random_feasible_point()
    {
        var random = new Random(11);
        for (var trial = 0; trial < 20; trial++)
        {
            var n = random.Next(2, 25);
            var program = RandomProgram(random, n);
            var solution = Solver.Solve(program);

            Assert.Equal(1.0, solution.X.Sum(), 10);
            Assert.All(solution.X, x => Assert.InRange(x, -1e-12, 0.5 + 1e-12));
            for (var k = 0; k < 200; k++)
            {
                var point = TestProblems.RandomFeasible(random, n, n == 2 ? 1.0 : 0.5);
                Assert.True(solution.Objective <= Objective(program, point) + 1e-12, $"trial {trial}: random point beats the optimum");
            }
        }
    }

    private static QuadraticProgram RandomProgram(Random random, int n)
    {
        var factor = new double[n * n];
        for (var i = 0; i < factor.Length; i++) factor[i] = random.NextDouble() - 0.5;
        var q = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                for (var k = 0; k < n; k++) q[i * n + j] += factor[i * n + k] * factor[j * n + k];
            }
            q[i * n + i] += 0.01;
        }
        var c = Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
        var upper = n == 2 ? 1.0 : 0.5;
        return Program(q, c, lower: 0, upper: upper) with { Equalities = [Budget(n)] };
    }

    private static double Objective(QuadraticProgram program, double[] x)
    {
        var n = x.Length;
        var value = 0.0;
        for (var i = 0; i < n; i++)
        {
            var row = 0.0;
            for (var j = 0; j < n; j++) row += program.Quadratic[i * n + j] * x[j];
            value += x[i] * (0.5 * row + program.Linear[i]);
        }
        return value;
    }
}
