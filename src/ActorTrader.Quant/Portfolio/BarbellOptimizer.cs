namespace ActorTrader.Quant.Portfolio;

/// <summary>
/// Decorates any optimiser with the barbell projection of <see cref="PortfolioConstraints.Barbell"/>; when the
/// problem has no barbell it returns the inner result untouched. The name stays the inner method's.
/// </summary>
public sealed class BarbellOptimizer(IPortfolioOptimizer inner) : IPortfolioOptimizer
{
    private readonly IPortfolioOptimizer _inner = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc />
    public string Name => _inner.Name;

    /// <inheritdoc />
    public PortfolioWeights Optimize(PortfolioProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var weights = _inner.Optimize(problem);
        if (problem.Constraints.Barbell is not { } buckets) return weights;
        var projected = BarbellProjection.Apply(weights.Weights, buckets, problem.Constraints.Budget, Name);
        return WeightFinisher.Finish(Name, problem, projected);
    }
}
