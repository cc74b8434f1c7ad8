namespace ActorTrader.Quant.Solvers.Qp;

/// <summary>
/// The optimum of a <see cref="QuadraticProgram"/>: x, ½xᵀQx + cᵀx, the iterations used, the ridge added to Q
/// (0 when Q was positive definite) and the names of the inequality and bound constraints active at the optimum.
/// </summary>
public sealed record QpSolution(double[] X, double Objective, int Iterations, double Ridge, IReadOnlyList<string> ActiveConstraints);
