using ActorTrader.Quant.Portfolio;
using ActorTrader.Quant.Portfolio.RiskMeasures;

namespace ActorTrader.Quant.Tests.RiskMeasures;

public class RiskOptimizerPropertyTests
{
    [Theory]
    [InlineData("MAD")]
    [InlineData("CVaR")]
    [InlineData("CDaR")]
    [InlineData("MDD")]
    public void Minimum_risk_portfolio_is_no_riskier_than_random_portfolios(string column)
    {
        var problem = RiskfolioFixture.Problem();
        var optimum = new MinimumRiskOptimizer(RiskfolioFixture.Measure(column)).Optimize(problem);
        var best = IndependentRisk.Of(column, problem.Returns, optimum.Weights);
        var random = new Random(11);

        for (var trial = 0; trial < 300; trial++)
        {
            var w = IndependentRisk.RandomPortfolio(random, problem.Count);
            Assert.True(best <= IndependentRisk.Of(column, problem.Returns, w) + 1e-12, $"trial {trial}: a random portfolio has lower {column}");
        }
    }

    [Theory]
    [InlineData("MAD")]
    [InlineData("CVaR")]
    [InlineData("CDaR")]
    [InlineData("MDD")]
    public void Return_risk_ratio_portfolio_beats_random_portfolios(string column)
    {
        var problem = RiskfolioFixture.Problem();
        var mu = problem.ExpectedReturns;
        double Ratio(IReadOnlyList<double> w) => w.Select((x, i) => x * mu[i]).Sum() / IndependentRisk.Of(column, problem.Returns, w);
        var best = Ratio(new RiskReturnRatioOptimizer(RiskfolioFixture.Measure(column)).Optimize(problem).Weights);
        var random = new Random(13);

        for (var trial = 0; trial < 300; trial++)
        {
            Assert.True(best >= Ratio(IndependentRisk.RandomPortfolio(random, problem.Count)) - 1e-9, $"trial {trial}: a random portfolio has a higher return/{column}");
        }
    }

    /// <summary>
    /// Risk contribution wᵢ·∂R/∂wᵢ of a piecewise-linear R lies between wᵢ times its one-sided partial derivatives (the
    /// optimum may sit on a kink); the budget share bᵢ·R must fall in that bracket for every asset.
    /// </summary>
    private static void AssertContributionsFollowBudgets(string column, PortfolioProblem problem, double[] w, double[] budgets)
    {
        var risk = IndependentRisk.Of(column, problem.Returns, w);
        const double h = 1e-7;
        for (var i = 0; i < w.Length; i++)
        {
            var up = (double[])w.Clone();
            var down = (double[])w.Clone();
            up[i] += h;
            down[i] -= h;
            var right = w[i] * (IndependentRisk.Of(column, problem.Returns, up) - risk) / h;
            var left = w[i] * (risk - IndependentRisk.Of(column, problem.Returns, down)) / h;
            var target = risk * budgets[i] / budgets.Sum();
            Assert.InRange(target, Math.Min(left, right) - 1e-4 * risk, Math.Max(left, right) + 1e-4 * risk);
        }
    }

    [Theory]
    [InlineData("MAD")]
    [InlineData("CVaR")]
    [InlineData("CDaR")]
    public void Risk_parity_contributions_are_equal(string column)
    {
        var problem = RiskfolioFixture.Problem();

        var w = new RiskBudgetingOptimizer(RiskfolioFixture.Measure(column)).Optimize(problem).Weights.ToArray();

        AssertContributionsFollowBudgets(column, problem, w, Enumerable.Repeat(1.0, problem.Count).ToArray());
    }

    [Theory]
    [InlineData("MAD")]
    [InlineData("CVaR")]
    [InlineData("CDaR")]
    public void Risk_budgets_set_the_share_of_each_contribution(string column)
    {
        var problem = RiskfolioFixture.Problem();
        var budgets = Enumerable.Range(0, problem.Count).Select(i => i == 0 ? 4.0 : 1.0).ToArray();
        var budgeted = problem with { Constraints = problem.Constraints with { RiskBudgets = budgets } };

        var w = new RiskBudgetingOptimizer(RiskfolioFixture.Measure(column)).Optimize(budgeted).Weights.ToArray();

        AssertContributionsFollowBudgets(column, problem, w, budgets);
    }
}
