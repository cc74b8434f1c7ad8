namespace ActorTrader.Quant.Solvers.Lp;

/// <summary>
/// An optimal solution of a <see cref="LinearProgram"/>: variable values in the order they were added, the objective
/// (including logarithmic terms), one dual value per constraint (sensitivity of the objective to its right-hand side),
/// the iterations used and the final relative residuals.
/// </summary>
public sealed record LpSolution(
    IReadOnlyList<double> Values,
    double Objective,
    IReadOnlyList<double> ConstraintDuals,
    int Iterations,
    double PrimalResidual,
    double DualResidual,
    double Complementarity);
