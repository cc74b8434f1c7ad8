namespace ActorTrader.Quant.Portfolio;

/// <summary>
/// One portfolio construction method (LEAN's Portfolio/ folder is the model): a new optimiser is one new class.
/// Implementations are pure and deterministic; infeasible or ill-posed input throws <see cref="OptimizationException"/>.
/// </summary>
public interface IPortfolioOptimizer
{
    /// <summary>The method's command-line name, e.g. <c>min-vol</c>, <c>hrp</c>, <c>min-cvar</c>.</summary>
    string Name { get; }

    /// <summary>Weights for <paramref name="problem"/>; every result has passed <see cref="StableSumGate"/>.</summary>
    PortfolioWeights Optimize(PortfolioProblem problem);
}
