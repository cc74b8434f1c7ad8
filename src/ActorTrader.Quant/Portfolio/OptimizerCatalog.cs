using ActorTrader.Quant.Portfolio.RiskMeasures;

namespace ActorTrader.Quant.Portfolio;

/// <summary>
/// Every portfolio optimiser by its command-line name, each wrapped in <see cref="BarbellOptimizer"/> so a barbell
/// in the constraints applies to any method. Immutable; build a custom catalog from any optimisers.
/// </summary>
public sealed class OptimizerCatalog
{
    private readonly Dictionary<string, IPortfolioOptimizer> _byName;

    /// <summary>A catalog of <paramref name="optimizers"/>; names must be unique.</summary>
    public OptimizerCatalog(IEnumerable<IPortfolioOptimizer> optimizers)
    {
        ArgumentNullException.ThrowIfNull(optimizers);
        _byName = new Dictionary<string, IPortfolioOptimizer>(StringComparer.OrdinalIgnoreCase);
        foreach (var optimizer in optimizers)
        {
            if (!_byName.TryAdd(optimizer.Name, optimizer)) throw new ArgumentException($"Two optimisers are named \"{optimizer.Name}\".", nameof(optimizers));
        }
        Names = [.. _byName.Keys];
    }

    /// <summary>The built-in optimisers (mean-variance, HRP, ERC, the heuristics, and the LP-based min-cvar and min-cdar).</summary>
    public static OptimizerCatalog Default { get; } = new(new IPortfolioOptimizer[]
    {
        new EqualWeightOptimizer(),
        new InverseVolatilityOptimizer(),
        new MinimumVolatilityOptimizer(),
        new MaximumSharpeOptimizer(),
        new EfficientRiskOptimizer(),
        new EfficientReturnOptimizer(),
        new MaximumQuadraticUtilityOptimizer(),
        new HierarchicalRiskParityOptimizer(),
        new EqualRiskContributionOptimizer(),
        new MinimumRiskOptimizer(RiskMeasure.ConditionalValueAtRisk),
        new MinimumRiskOptimizer(RiskMeasure.ConditionalDrawdownAtRisk),
    }.Select(o => (IPortfolioOptimizer)new BarbellOptimizer(o)));

    /// <summary>Method names in registration order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The optimiser called <paramref name="name"/> (case-insensitive); throws listing the known names.</summary>
    public IPortfolioOptimizer Get(string name) =>
        TryGet(name, out var optimizer)
            ? optimizer
            : throw new ArgumentException($"Unknown optimisation method \"{name}\"; known methods: {string.Join(", ", Names)}.", nameof(name));

    /// <summary>Looks <paramref name="name"/> up without throwing.</summary>
    public bool TryGet(string name, out IPortfolioOptimizer optimizer) => _byName.TryGetValue(name ?? "", out optimizer!);
}
