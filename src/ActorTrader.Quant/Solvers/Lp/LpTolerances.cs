namespace ActorTrader.Quant.Solvers.Lp;

/// <summary>
/// Stopping rules of <see cref="InteriorPointLpSolver"/>, all relative and measured on the internally row-equilibrated
/// problem: primal residual ‖b − Ax‖∞ / (1 + ‖b‖∞), dual residual ‖c − Aᵀy − z + w‖∞ / (1 + ‖c‖∞) and complementarity
/// (Σ|xᵢzᵢ − βᵢ| + Σ tᵢwᵢ) / (1 + |cᵀx|), where βᵢ is a variable's logarithmic weight (0 for plain LP variables).
/// </summary>
public sealed record LpTolerances
{
    /// <summary>Defaults tight enough to reproduce conic solvers run at ~1e-8 (CLARABEL, ECOS) to 1e-6 or better.</summary>
    public static LpTolerances Default { get; } = new();

    /// <summary>Largest accepted relative primal residual.</summary>
    public double PrimalFeasibility { get; init; } = 1e-10;

    /// <summary>Largest accepted relative dual residual.</summary>
    public double DualFeasibility { get; init; } = 1e-10;

    /// <summary>Largest accepted relative complementarity (the duality gap of a pure LP).</summary>
    public double Complementarity { get; init; } = 1e-10;

    /// <summary>
    /// When progress stops (round-off near the optimum) or the iteration limit is hit, the best iterate is still returned
    /// if every measure is within this factor of its tolerance; otherwise the solve fails.
    /// </summary>
    public double AcceptableFactor { get; init; } = 100;

    /// <summary>Iteration limit; typical problems converge in 15–40 iterations.</summary>
    public int MaxIterations { get; init; } = 200;

    /// <summary>
    /// An iterate is taken as a certificate of infeasibility (or unboundedness) when its ray residual, relative to the
    /// objective the ray improves, is below this value and the ray's norm exceeds <see cref="DivergenceNorm"/>.
    /// </summary>
    public double CertificateTolerance { get; init; } = 1e-8;

    /// <summary>Norm of the dual (primal) iterate beyond which it is treated as a diverging ray.</summary>
    public double DivergenceNorm { get; init; } = 1e7;
}
