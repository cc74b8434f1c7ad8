namespace ActorTrader.Quant.Solvers.Lp;

/// <summary>How a constraint row compares its linear expression with its right-hand side.</summary>
public enum ConstraintRelation
{
    /// <summary>Σ a·x ≤ rhs.</summary>
    LessOrEqual,

    /// <summary>Σ a·x = rhs.</summary>
    Equal,

    /// <summary>Σ a·x ≥ rhs.</summary>
    GreaterOrEqual,
}
