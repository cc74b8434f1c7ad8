namespace ActorTrader.Quant.Solvers.Qp;

/// <summary>
/// One linear constraint aᵀx (= or ≤) b of a <see cref="QuadraticProgram"/>. <see cref="Name"/> appears in error
/// messages ("budget", "group tech cap", "target return"), so name it after what the user asked for.
/// </summary>
public sealed record LinearConstraint(string Name, IReadOnlyList<double> Coefficients, double Bound);
