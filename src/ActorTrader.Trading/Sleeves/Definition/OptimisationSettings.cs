namespace ActorTrader.Trading.Sleeves.Definition;

/// <summary>
/// Optimisation: every engine in <see cref="Engines"/> (names of the Quant optimiser catalog) runs on the candidate
/// return matrix; <see cref="Primary"/>'s weights become the sleeve's. Weights are long-only per candidate (short legs
/// are already inverted), sum to 1 and none exceeds <see cref="MaxWeight"/>.
/// </summary>
public sealed record OptimisationSettings(IReadOnlyList<string> Engines, string Primary, double MaxWeight, CovarianceKind Covariance)
{
    public static OptimisationSettings Default { get; } = new(["min-vol", "hrp", "erc"], "min-vol", 1.0, CovarianceKind.LedoitWolf);
}
