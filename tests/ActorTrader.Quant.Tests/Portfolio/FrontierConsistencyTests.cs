using ActorTrader.Quant.Portfolio;

namespace ActorTrader.Quant.Tests.Portfolio;

/// <summary>The mean-variance optimisers agree with each other along the efficient frontier.</summary>
public sealed class FrontierConsistencyTests
{
    private static readonly PortfolioProblem Problem = TestProblems.Random(21, 12);

    private static IReadOnlyList<double> EfficientReturn(double target) =>
        new EfficientReturnOptimizer().Optimize(Problem with { Constraints = new PortfolioConstraints { Target = target } }).Weights;

    private static double[] Targets()
    {
        var minVol = TestProblems.Performance(Problem, new MinimumVolatilityOptimizer().Optimize(Problem).Weights).ExpectedReturn;
        var max = Problem.ExpectedReturns.Maximum();
        return Enumerable.Range(0, 15).Select(k => minVol + (max - minVol) * k / 14.0).ToArray();
    }

    [Fact]
    public void Min_vol_is_the_minimum_variance_point_of_an_efficient_return_sweep()
    {
        var minVol = new MinimumVolatilityOptimizer().Optimize(Problem).Weights;
        var sweep = Targets().Select(t => TestProblems.Performance(Problem, EfficientReturn(t)).Volatility).ToArray();

        Assert.Equal(TestProblems.Performance(Problem, minVol).Volatility, sweep.Min(), 9);
        Assert.Equal(sweep.Min(), sweep[0], 9);
    }

    [Fact]
    public void Efficient_return_at_a_low_target_is_the_min_vol_portfolio()
    {
        var minVol = new MinimumVolatilityOptimizer().Optimize(Problem).Weights;

        Near.Equal(minVol, EfficientReturn(-1.0), 9);
    }

    [Fact]
    public void Max_sharpe_is_at_least_the_sharpe_of_every_frontier_point()
    {
        var best = TestProblems.Performance(Problem, new MaximumSharpeOptimizer().Optimize(Problem).Weights).Sharpe;

        Assert.All(Targets(), t => Assert.True(best >= TestProblems.Performance(Problem, EfficientReturn(t)).Sharpe - 1e-10));
    }

    [Fact]
    public void Efficient_risk_hits_its_target_volatility()
    {
        var middle = TestProblems.Performance(Problem, EfficientReturn(Targets()[7]));

        var weights = new EfficientRiskOptimizer().Optimize(Problem with { Constraints = new PortfolioConstraints { Target = middle.Volatility } }).Weights;

        var performance = TestProblems.Performance(Problem, weights);
        Assert.Equal(middle.Volatility, performance.Volatility, 8);
        Assert.Equal(middle.ExpectedReturn, performance.ExpectedReturn, 7);
    }

    [Fact]
    public void Max_utility_with_huge_risk_aversion_approaches_min_vol()
    {
        var minVol = new MinimumVolatilityOptimizer().Optimize(Problem).Weights;

        var utility = new MaximumQuadraticUtilityOptimizer().Optimize(Problem with { Constraints = new PortfolioConstraints { RiskAversion = 1e9 } }).Weights;

        Near.Equal(minVol, utility, 6);
    }

    [Fact]
    public void Max_sharpe_lies_on_the_frontier_at_its_own_expected_return()
    {
        var tangency = new MaximumSharpeOptimizer().Optimize(Problem).Weights;
        var target = TestProblems.Performance(Problem, tangency).ExpectedReturn;

        Near.Equal(tangency, EfficientReturn(target - 1e-12), 6);
    }

    [Fact]
    public void Efficient_risk_with_a_target_above_every_volatility_returns_the_best_return_within_the_budget()
    {
        var target = 10 * Enumerable.Range(0, Problem.Count).Max(i => Math.Sqrt(Problem.Covariance[i, i]));

        var weights = new EfficientRiskOptimizer().Optimize(Problem with { Constraints = new PortfolioConstraints { Target = target } }).Weights;

        Assert.Equal(1.0, weights.Sum(), 12);
        Assert.Equal(Problem.ExpectedReturns.Maximum(), TestProblems.Performance(Problem, weights).ExpectedReturn, 6);
    }
}
