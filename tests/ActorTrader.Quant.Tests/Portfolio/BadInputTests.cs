using ActorTrader.Quant.Portfolio;
using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Quant.Tests.Portfolio;

/// <summary>Bad input fails with a message naming the cause; no optimiser returns NaN weights.</summary>
public sealed class BadInputTests
{
    private static PortfolioProblem WithDuplicateColumn()
    {
        var problem = TestProblems.Random(1, 5);
        var returns = problem.Returns.Append(problem.Returns.SubMatrix(0, problem.Returns.RowCount, 2, 1));
        return TestProblems.FromReturns(returns, PortfolioConstraints.LongOnly);
    }

    [Theory]
    [InlineData("min-vol")]
    [InlineData("max-sharpe")]
    [InlineData("max-utility")]
    public void Duplicate_columns_are_reported_as_perfectly_correlated(string method)
    {
        var error = Assert.Throws<OptimizationException>(() => OptimizerCatalog.Default.Get(method).Optimize(WithDuplicateColumn()));

        Assert.Contains("A002 and A005 are perfectly correlated", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hrp")]
    [InlineData("erc")]
    [InlineData("inverse-vol")]
    public void Methods_that_need_no_inverse_handle_duplicate_columns(string method)
    {
        var weights = OptimizerCatalog.Default.Get(method).Optimize(WithDuplicateColumn()).Weights;

        Assert.All(weights, w => Assert.True(double.IsFinite(w)));
        Assert.Equal(weights[2], weights[5], 9);
    }

    [Fact]
    public void Fewer_observations_than_assets_are_reported()
    {
        var problem = TestProblems.Random(2, 30, days: 20);

        var error = Assert.Throws<OptimizationException>(() => new MinimumVolatilityOptimizer().Optimize(problem));

        Assert.Contains("only 20 return observations for 30 assets", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nan_expected_return_is_reported_with_the_asset()
    {
        var problem = TestProblems.Random(3, 4);
        var mu = problem.ExpectedReturns.Clone();
        mu[1] = double.NaN;

        var error = Assert.Throws<OptimizationException>(() => new MaximumSharpeOptimizer().Optimize(problem with { ExpectedReturns = mu }));

        Assert.Contains("A001", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Infinite_covariance_is_reported()
    {
        var problem = TestProblems.Random(3, 4);
        var covariance = problem.Covariance.Clone();
        covariance[0, 1] = covariance[1, 0] = double.PositiveInfinity;

        Assert.Throws<OptimizationException>(() => new HierarchicalRiskParityOptimizer().Optimize(problem with { Covariance = covariance }));
    }

    [Fact]
    public void Bounds_that_cannot_sum_to_the_budget_are_reported()
    {
        var problem = TestProblems.Random(4, 4, constraints: new PortfolioConstraints { UpperBound = 0.2 });

        var error = Assert.Throws<OptimizationException>(() => new MinimumVolatilityOptimizer().Optimize(problem));

        Assert.Contains("cannot sum to the budget", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Target_return_above_the_best_asset_is_reported()
    {
        var problem = TestProblems.Random(5, 4);
        var problemWithTarget = problem with { Constraints = new PortfolioConstraints { Target = problem.ExpectedReturns.Maximum() + 0.01 } };

        var error = Assert.Throws<OptimizationException>(() => new EfficientReturnOptimizer().Optimize(problemWithTarget));

        Assert.Contains("above the maximum attainable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Target_return_beyond_a_group_cap_is_reported()
    {
        var problem = TestProblems.Random(5, 4);
        var best = Enumerable.Range(0, 4).MaxBy(i => problem.ExpectedReturns[i]);
        var constraints = new PortfolioConstraints { Target = problem.ExpectedReturns.Maximum() - 1e-6, GroupCaps = [(new[] { best }, 0.5)] };

        var error = Assert.Throws<OptimizationException>(() => new EfficientReturnOptimizer().Optimize(problem with { Constraints = constraints }));

        Assert.Contains("not attainable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Target_volatility_below_the_minimum_is_reported()
    {
        var problem = TestProblems.Random(6, 4);

        var error = Assert.Throws<OptimizationException>(() => new EfficientRiskOptimizer().Optimize(problem with { Constraints = new PortfolioConstraints { Target = 1e-4 } }));

        Assert.Contains("below the minimum attainable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Max_sharpe_with_every_return_below_the_risk_free_rate_is_reported()
    {
        var problem = TestProblems.Random(7, 4);

        var error = Assert.Throws<OptimizationException>(() => new MaximumSharpeOptimizer().Optimize(problem with { Constraints = new PortfolioConstraints { RiskFreeRate = 10 } }));

        Assert.Contains("exceeds the risk-free rate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Group_cap_below_its_lower_bounds_is_reported()
    {
        var constraints = new PortfolioConstraints { LowerBound = 0.2, GroupCaps = [(new[] { 0, 1 }, 0.3)] };

        var error = Assert.Throws<OptimizationException>(() => new MinimumVolatilityOptimizer().Optimize(TestProblems.Random(8, 4, constraints: constraints)));

        Assert.Contains("group cap 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Heuristic_that_breaks_a_cap_says_so_instead_of_returning_it()
    {
        var constraints = new PortfolioConstraints { UpperBound = 0.26 };

        var error = Assert.Throws<OptimizationException>(() => new InverseVolatilityOptimizer().Optimize(TestProblems.Random(9, 4, constraints: constraints)));

        Assert.Contains("outside its bounds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_asset_names_are_reported()
    {
        var problem = TestProblems.Random(10, 3);

        var error = Assert.Throws<OptimizationException>(() => new EqualWeightOptimizer().Optimize(problem with { Assets = ["X", "Y", "X"] }));

        Assert.Contains("\"X\" appears more than once", error.Message, StringComparison.Ordinal);
    }
}
