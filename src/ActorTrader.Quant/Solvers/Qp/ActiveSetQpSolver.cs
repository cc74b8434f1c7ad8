using ActorTrader.Quant.Portfolio;

namespace ActorTrader.Quant.Solvers.Qp;

/// <summary>
/// Dense dual active-set QP solver (Goldfarb-Idnani 1983, the method of R's quadprog): it starts at the
/// unconstrained minimum, adds the most violated constraint each step and drops active constraints whose
/// multiplier would turn negative, keeping the factorisation JᵀN = [R; 0] up to date with orthogonal reflections
/// (O(n²) per step, no refactorisation). No feasible start is needed and infeasibility is detected exactly when the
/// dual becomes unbounded. Deterministic: ties pick the lowest constraint index. Bounds are stored as ±eᵢ so each
/// costs O(n), not O(n²), per step.
/// </summary>
public sealed class ActiveSetQpSolver
{
    private readonly QpOptions _options;

    /// <summary>A solver with <paramref name="options"/> (or <see cref="QpOptions.Default"/>).</summary>
    public ActiveSetQpSolver(QpOptions? options = null) => _options = options ?? QpOptions.Default;

    /// <summary>
    /// The minimiser of <paramref name="program"/>; throws <see cref="OptimizationException"/> naming the constraint
    /// that cannot be met when the program is infeasible, or when Q is not positive semidefinite.
    /// </summary>
    public QpSolution Solve(QuadraticProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        var constraints = QpConstraintSet.From(program);
        var ridge = 0.0;
        var factor = TryFactor(program, 0.0);
        if (factor is null)
        {
            var meanDiagonal = MeanDiagonal(program);
            foreach (var step in _options.RidgeLadder)
            {
                ridge = step * meanDiagonal;
                factor = TryFactor(program, ridge);
                if (factor is not null) break;
            }
            if (factor is null)
            {
                throw new OptimizationException(
                    $"QP: the quadratic term is not positive semidefinite even with a ridge of {ridge:G3}; check the covariance for NaN, negative variances or a non-PSD estimate (repair it with NearestPositiveSemidefinite).");
            }
        }
        var state = new GoldfarbIdnani(program.Size, factor, constraints, _options);
        var x = state.Run(program.Linear);
        return new QpSolution(x, Objective(program, x), state.Iterations, ridge, state.ActiveNames());
    }

    private static double[]? TryFactor(QuadraticProgram program, double ridge)
    {
        var n = program.Size;
        if (program.Quadratic.Length != n * n) throw new ArgumentException($"Q has {program.Quadratic.Length} entries; expected {n}×{n}.", nameof(program));
        var a = (double[])program.Quadratic.Clone();
        for (var i = 0; i < a.Length; i++)
        {
            if (!double.IsFinite(a[i])) throw new OptimizationException($"QP: Q[{i / n},{i % n}] is {a[i]}; the covariance has NaN or infinite entries.");
        }
        for (var i = 0; i < n; i++) a[i * n + i] += ridge;
        return DenseCholesky.TryFactor(a, n) ? a : null;
    }

    private static double MeanDiagonal(QuadraticProgram program)
    {
        var n = program.Size;
        var sum = 0.0;
        for (var i = 0; i < n; i++) sum += Math.Abs(program.Quadratic[i * n + i]);
        return sum > 0 ? sum / n : 1.0;
    }

    private static double Objective(QuadraticProgram program, double[] x)
    {
        var n = program.Size;
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
