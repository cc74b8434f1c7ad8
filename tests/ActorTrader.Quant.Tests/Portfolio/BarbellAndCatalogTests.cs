using ActorTrader.Quant.Portfolio;

namespace ActorTrader.Quant.Tests.Portfolio;

public sealed class BarbellAndCatalogTests
{
    [Fact]
    public void Barbell_is_a_no_op_when_disabled()
    {
        var problem = TestProblems.Random(1, 6);

        var plain = new MinimumVolatilityOptimizer().Optimize(problem).Weights;
        var wrapped = new BarbellOptimizer(new MinimumVolatilityOptimizer()).Optimize(problem).Weights;

        Assert.Equal(plain, wrapped);
    }

    [Fact]
    public void Barbell_is_a_no_op_when_the_buckets_are_already_in_range()
    {
        var weights = new[] { 0.5, 0.2, 0.3 };

        Assert.Equal(weights, BarbellProjection.Apply(weights, new BarbellBuckets([0], SafeMinimum: 0.4, SafeMaximum: 0.9), 1.0, "test"));
    }

    [Fact]
    public void Barbell_raises_the_safe_bucket_to_its_minimum_keeping_proportions()
    {
        var projected = BarbellProjection.Apply([0.1, 0.3, 0.6], new BarbellBuckets([0], SafeMinimum: 0.8), 1.0, "test");

        Near.Equal(new[] { 0.8, 0.2 * 1 / 3, 0.2 * 2 / 3 }, projected, 12);
    }

    [Fact]
    public void Barbell_caps_the_risk_bucket()
    {
        var problem = TestProblems.Random(2, 5) with { Constraints = new PortfolioConstraints { Barbell = new BarbellBuckets([0, 1], RiskMaximum: 0.1) } };

        var weights = OptimizerCatalog.Default.Get("max-sharpe").Optimize(problem).Weights;

        Assert.Equal(0.1, weights.Skip(2).Sum(), 12);
        Assert.Equal(1.0, weights.Sum(), 12);
    }

    [Fact]
    public void Inconsistent_barbell_ranges_are_reported()
    {
        var error = Assert.Throws<OptimizationException>(() => BarbellProjection.Apply([0.5, 0.5], new BarbellBuckets([0], SafeMaximum: 0.2, RiskMaximum: 0.3), 1.0, "test"));

        Assert.Contains("inconsistent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_lists_every_built_in_method()
    {
        Assert.Equal(
            new[] { "equal", "inverse-vol", "min-vol", "max-sharpe", "efficient-risk", "efficient-return", "max-utility", "hrp", "erc", "min-cvar", "min-cdar" },
            OptimizerCatalog.Default.Names);
    }

    [Fact]
    public void Unknown_method_error_lists_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => OptimizerCatalog.Default.Get("max-fun"));

        Assert.Contains("min-vol", error.Message, StringComparison.Ordinal);
    }
}
