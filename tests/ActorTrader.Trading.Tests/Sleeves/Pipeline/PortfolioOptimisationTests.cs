using ActorTrader.Quant.Portfolio;
using ActorTrader.Trading.Sleeves.Definition;
using ActorTrader.Trading.Sleeves.Pipeline;

namespace ActorTrader.Trading.Tests.Sleeves.Pipeline;

public sealed class PortfolioOptimisationTests
{
    private const int Periods = 200;

    private static readonly SleeveLeg[] Legs =
    [
        new(Streams.Candidate("s", "AAA", CandidateDirection.Long, Streams.Noise(Periods, 1, 0.001)), Streams.Noise(Periods, 1, 0.001)),
        new(Streams.Candidate("s", "BBB", CandidateDirection.Long, Streams.Noise(Periods, 2, 0.001)), Streams.Noise(Periods, 2, 0.001)),
        new(Streams.Candidate("s", "CCC", CandidateDirection.Long, Streams.Noise(Periods, 3, 0.001)), Streams.Noise(Periods, 3, 0.001)),
    ];

    /// <summary>An optimiser whose weights sum to zero: the stable-sum gate must refuse them.</summary>
    private sealed class ZeroSumOptimizer : IPortfolioOptimizer
    {
        public string Name => "zero-sum";

        public PortfolioWeights Optimize(PortfolioProblem problem) =>
            new(Name, problem.Assets, [.. problem.Assets.Select((_, i) => i == 0 ? 0.5 : i == 1 ? -0.5 : 0.0)]);
    }

    private static readonly OptimizerCatalog Catalog = new([OptimizerCatalog.Default.Get("min-vol"), OptimizerCatalog.Default.Get("hrp"), new ZeroSumOptimizer()]);

    private static OptimisationResult Run(string primary, params string[] engines) =>
        PortfolioOptimisation.Apply(Legs, 0, PortfolioConstraints.LongOnly, new OptimisationSettings(engines, primary, 1, CovarianceKind.LedoitWolf), 252, Catalog);

    [Fact]
    public void Every_engine_runs_and_the_primary_engines_weights_sum_to_one()
    {
        var result = Run("min-vol", "min-vol", "hrp");

        Assert.Null(result.Failure);
        Assert.Equal(["min-vol", "hrp"], result.Engines.Select(e => e.Engine));
        Assert.All(result.Engines, e => Assert.True(e.Succeeded));
        Assert.Equal("min-vol", result.Primary!.Method);
        Assert.Equal(1.0, result.Primary.Weights.Sum(), 9);
    }

    [Fact]
    public void An_engine_failing_the_stable_sum_gate_is_reported_while_the_primary_proceeds()
    {
        var result = Run("min-vol", "min-vol", "zero-sum");

        Assert.Null(result.Failure);
        var failed = Assert.Single(result.Engines, e => e.Engine == "zero-sum");
        Assert.False(failed.Succeeded);
        Assert.Contains("1E-06", failed.Error, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(result.Primary);
    }

    [Fact]
    public void The_stage_fails_when_the_primary_engine_fails_the_gate()
    {
        var result = Run("zero-sum", "zero-sum", "min-vol");

        Assert.Null(result.Primary);
        Assert.Contains("primary engine zero-sum failed", result.Failure, StringComparison.Ordinal);
        Assert.True(result.Engines.Single(e => e.Engine == "min-vol").Succeeded);
    }

    [Fact]
    public void An_engine_missing_from_the_catalog_is_reported_as_failed()
    {
        var result = Run("min-vol", "min-vol", "erc");

        Assert.Contains("not in the optimiser catalog", result.Engines.Single(e => e.Engine == "erc").Error, StringComparison.Ordinal);
    }
}
