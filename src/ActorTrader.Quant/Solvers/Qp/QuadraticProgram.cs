namespace ActorTrader.Quant.Solvers.Qp;

/// <summary>
/// A dense convex quadratic program: minimise ½xᵀQx + cᵀx subject to box bounds l ≤ x ≤ u (±∞ = unbounded),
/// equalities aᵀx = b and inequalities aᵀx ≤ b. Q is symmetric positive semidefinite, row-major n×n.
/// </summary>
public sealed record QuadraticProgram
{
    /// <summary>Q, row-major, n×n.</summary>
    public required double[] Quadratic { get; init; }

    /// <summary>c, length n.</summary>
    public required double[] Linear { get; init; }

    /// <summary>Lower bounds, length n; <see cref="double.NegativeInfinity"/> for none.</summary>
    public required double[] Lower { get; init; }

    /// <summary>Upper bounds, length n; <see cref="double.PositiveInfinity"/> for none.</summary>
    public required double[] Upper { get; init; }

    /// <summary>Equalities aᵀx = b (e.g. the budget Σx = 1).</summary>
    public IReadOnlyList<LinearConstraint> Equalities { get; init; } = [];

    /// <summary>Inequalities aᵀx ≤ b (group caps, −μᵀx ≤ −target).</summary>
    public IReadOnlyList<LinearConstraint> Inequalities { get; init; } = [];

    /// <summary>Names of the variables for error messages (e.g. tickers); null = x[0], x[1], ….</summary>
    public IReadOnlyList<string>? VariableNames { get; init; }

    /// <summary>Number of variables.</summary>
    public int Size => Linear.Length;
}
