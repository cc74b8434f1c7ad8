using ActorTrader.Quant.Portfolio;
using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Quant.Tests.Portfolio;

/// <summary>Seeded random-problem properties of every optimiser (FsCheck-style loops with fixed seeds).</summary>
public sealed class OptimizerPropertyTests
{
    public static TheoryData<string> Methods => new() { "equal", "inverse-vol", "min-vol", "max-sharpe", "max-utility", "hrp", "erc" };

    [Theory]
    [MemberData(nameof(Methods))]
    public void Long_only_weights_are_within_bounds_and_sum_to_the_budget(string method)
    {
        for (var seed = 0; seed < 15; seed++)
        {
            var problem = TestProblems.Random(seed, 3 + seed % 12);

            var weights = OptimizerCatalog.Default.Get(method).Optimize(problem).Weights;

            Assert.All(weights, w => Assert.InRange(w, 0.0, 1.0));
            Assert.Equal(1.0, weights.Sum(), 9);
        }
    }

    [Fact]
    public void Min_vol_is_no_more_volatile_than_any_random_feasible_portfolio()
    {
        var random = new Random(5);
        for (var seed = 0; seed < 10; seed++)
        {
            var problem = TestProblems.Random(seed, 8);
            var best = TestProblems.Performance(problem, new MinimumVolatilityOptimizer().Optimize(problem).Weights).Volatility;
            for (var k = 0; k < 300; k++)
            {
                var other = TestProblems.Performance(problem, TestProblems.RandomFeasible(random, 8)).Volatility;
                Assert.True(best <= other + 1e-12, $"seed {seed}: random portfolio vol {other} < min-vol {best}");
            }
        }
    }

    [Fact]
    public void Max_sharpe_beats_every_random_feasible_portfolio()
    {
        var random = new Random(6);
        for (var seed = 0; seed < 10; seed++)
        {
            var problem = TestProblems.Random(seed, 8);
            var best = TestProblems.Performance(problem, new MaximumSharpeOptimizer().Optimize(problem).Weights).Sharpe;
            for (var k = 0; k < 300; k++)
            {
                Assert.True(best >= TestProblems.Performance(problem, TestProblems.RandomFeasible(random, 8)).Sharpe - 1e-12);
            }
        }
    }

    [Fact]
    public void Hrp_weights_are_positive_and_sum_to_one()
    {
        for (var seed = 0; seed < 15; seed++)
        {
            var weights = new HierarchicalRiskParityOptimizer().Optimize(TestProblems.Random(seed, 5 + seed)).Weights;

            Assert.All(weights, w => Assert.True(w > 0));
            Assert.Equal(1.0, weights.Sum(), 12);
        }
    }

    [Fact]
    public void Erc_risk_contributions_are_equal_within_1e_6()
    {
        for (var seed = 0; seed < 15; seed++)
        {
            var problem = TestProblems.Random(seed, 4 + seed * 3);

            var contributions = Contributions(problem, new EqualRiskContributionOptimizer().Optimize(problem).Weights);

            Assert.True(contributions.Max() - contributions.Min() <= 1e-6, $"seed {seed}: spread {contributions.Max() - contributions.Min():E2}");
        }
    }

    [Fact]
    public void Erc_honours_unequal_risk_budgets()
    {
        var budgets = new[] { 0.5, 0.25, 0.125, 0.125 };
        var problem = TestProblems.Random(3, 4, constraints: new PortfolioConstraints { RiskBudgets = budgets });

        var contributions = Contributions(problem, new EqualRiskContributionOptimizer().Optimize(problem).Weights);

        Near.Equal(budgets, contributions, 8);
    }

    [Fact]
    public void Shorts_within_minus_one_to_one_are_allowed_and_the_budget_holds()
    {
        var problem = TestProblems.Random(9, 10, constraints: new PortfolioConstraints { LowerBound = -1, UpperBound = 1 });

        var weights = new MaximumSharpeOptimizer().Optimize(problem).Weights;

        Assert.Contains(weights, w => w < -1e-6);
        Assert.All(weights, w => Assert.InRange(w, -1 - 1e-9, 1 + 1e-9));
        Assert.Equal(1.0, weights.Sum(), 9);
    }

    [Fact]
    public void Per_asset_cap_binds_in_min_vol()
    {
        var free = TestProblems.Random(4, 6);
        var top = new MinimumVolatilityOptimizer().Optimize(free).Weights.Select((w, i) => (w, i)).MaxBy(p => p.w);
        var capped = free with { Constraints = new PortfolioConstraints { AssetBounds = new Dictionary<int, (double, double)> { [top.i] = (0, top.w / 2) } } };

        var weights = new MinimumVolatilityOptimizer().Optimize(capped).Weights;

        Assert.Equal(top.w / 2, weights[top.i], 9);
    }

    [Fact]
    public void Group_cap_binds_in_max_sharpe()
    {
        var free = TestProblems.Random(2, 6);
        var weights = new MaximumSharpeOptimizer().Optimize(free).Weights;
        var group = Enumerable.Range(0, 6).OrderByDescending(i => weights[i]).Take(2).ToArray();
        var cap = 0.5 * (weights[group[0]] + weights[group[1]]);
        var capped = free with { Constraints = new PortfolioConstraints { GroupCaps = [(group, cap)] } };

        var cappedWeights = new MaximumSharpeOptimizer().Optimize(capped).Weights;

        Assert.Equal(cap, cappedWeights[group[0]] + cappedWeights[group[1]], 9);
        Assert.Equal(1.0, cappedWeights.Sum(), 9);
    }

    private static double[] Contributions(PortfolioProblem problem, IReadOnlyList<double> weights)
    {
        var w = Vector<double>.Build.DenseOfEnumerable(weights);
        var marginal = problem.Covariance * w;
        return w.PointwiseMultiply(marginal).Divide(w.DotProduct(marginal)).ToArray();
    }
}
