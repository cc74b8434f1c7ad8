namespace ActorTrader.Quant.Solvers.Qp;

/// <summary>Explicit tolerances of <see cref="ActiveSetQpSolver"/>; the defaults suit weights of order 1.</summary>
public sealed record QpOptions
{
    /// <summary>Default options.</summary>
    public static QpOptions Default { get; } = new();

    /// <summary>A constraint counts as violated when its residual, divided by ‖a‖, is below −this.</summary>
    public double FeasibilityTolerance { get; init; } = 1e-12;

    /// <summary>Iteration cap; null = 10·(variables + constraints) + 100.</summary>
    public int? MaxIterations { get; init; }

    /// <summary>
    /// Ridges tried, in order, when Q is not positive definite (e.g. duplicate assets): Q + ridge·mean(diag Q)·I.
    /// The first that factorises is used and reported in <see cref="QpSolution.Ridge"/>.
    /// </summary>
    public IReadOnlyList<double> RidgeLadder { get; init; } = [1e-12, 1e-10, 1e-8];
}
