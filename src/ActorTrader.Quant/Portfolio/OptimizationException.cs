namespace ActorTrader.Quant.Portfolio;

/// <summary>
/// An optimiser could not produce valid weights: infeasible bounds or targets, singular input it cannot
/// regularise, a solver that did not converge, or weights that fail the stable-sum gate. The message names the
/// method, the input at fault and what to change.
/// </summary>
public sealed class OptimizationException : Exception
{
    public OptimizationException() { }

    public OptimizationException(string message) : base(message) { }

    public OptimizationException(string message, Exception innerException) : base(message, innerException) { }
}
