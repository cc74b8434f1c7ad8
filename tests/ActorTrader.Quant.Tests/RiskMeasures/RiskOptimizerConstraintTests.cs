using ActorTrader.Quant.Portfolio;
using ActorTrader.Quant.Portfolio.RiskMeasures;

namespace ActorTrader.Quant.Tests.RiskMeasures;

public class RiskOptimizerConstraintTests
{
    private static PortfolioProblem With(PortfolioConstraints constraints) => RiskfolioFixture.Problem() with { Constraints = constraints };

    public static TheoryData<string> AllOptimizers() => new(Catalog().Select(o => o.Name));

    private static IEnumerable<IPortfolioOptimizer> Catalog() =>
        Enum.GetValues<RiskMeasure>().SelectMany(m => new IPortfolioOptimizer?[]
        {
            new MinimumRiskOptimizer(m),
            new RiskReturnRatioOptimizer(m),
            m == RiskMeasure.MaxDrawdown ? null : new RiskBudgetingOptimizer(m),
        }).OfType<IPortfolioOptimizer>();

    [Theory]
    [MemberData(nameof(AllOptimizers))]
    public void Upper_bound_caps_every_weight_and_the_budget_holds(string name)
    {
        var optimizer = Catalog().Single(o => o.Name == name);

        var w = optimizer.Optimize(With(PortfolioConstraints.LongOnly with { UpperBound = 0.15 })).Weights;

        Assert.All(w, x => Assert.InRange(x, -1e-9, 0.15 + 1e-8));
        Assert.Equal(1.0, w.Sum(), 1e-9);
    }

    [Theory]
    [MemberData(nameof(AllOptimizers))]
    public void Group_cap_limits_the_group_total(string name)
    {
        var optimizer = Catalog().Single(o => o.Name == name);
        int[] group = [3, 4, 6]; // CPB, JCI, MMC: the heaviest names of most unconstrained solutions

        var w = optimizer.Optimize(With(PortfolioConstraints.LongOnly with { GroupCaps = [(group, 0.3)] })).Weights;

        Assert.True(group.Sum(i => w[i]) <= 0.3 + 1e-8, $"{name}: group total {group.Sum(i => w[i])}");
    }

    [Fact]
    public void Optimizer_names_are_the_catalog_names()
    {
        Assert.Equal(
            ["min-mad", "max-return-mad", "risk-parity-mad", "min-cvar", "max-return-cvar", "risk-parity-cvar",
             "min-cdar", "max-return-cdar", "risk-parity-cdar", "min-mdd", "max-return-mdd"],
            Catalog().Select(o => o.Name));
    }

    [Fact]
    public void Ratio_without_any_positive_excess_return_is_rejected()
    {
        var problem = RiskfolioFixture.Problem();
        var losing = problem with { ExpectedReturns = problem.ExpectedReturns.Map(m => -Math.Abs(m) - 1e-4) };

        var error = Assert.Throws<OptimizationException>(() => new RiskReturnRatioOptimizer(RiskMeasure.ConditionalValueAtRisk).Optimize(losing));

        Assert.Contains("max-return-cvar", error.Message, StringComparison.Ordinal);
        Assert.Contains("risk-free rate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bounds_that_cannot_reach_the_budget_are_reported_before_solving()
    {
        var error = Assert.Throws<OptimizationException>(() =>
            new MinimumRiskOptimizer(RiskMeasure.ConditionalValueAtRisk).Optimize(With(PortfolioConstraints.LongOnly with { UpperBound = 0.05 })));

        // The same check and message as the mean-variance optimisers (ProblemValidation), not an LP infeasibility.
        Assert.Contains("min-cvar: the bounds cannot sum to the budget 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Alpha_outside_the_unit_interval_names_the_setting()
    {
        var error = Assert.Throws<OptimizationException>(() =>
            new MinimumRiskOptimizer(RiskMeasure.ConditionalValueAtRisk).Optimize(With(PortfolioConstraints.LongOnly with { Alpha = 1.5 })));

        Assert.Contains("Alpha", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scenario_risk_cvar_is_the_mean_of_the_worst_losses()
    {
        var problem = RiskfolioFixture.Problem();
        var w = IndependentRisk.RandomPortfolio(new Random(3), problem.Count);

        var cvar = ScenarioRisk.Evaluate(RiskMeasure.ConditionalValueAtRisk, problem.Returns, w, 0.05);

        Assert.Equal(IndependentRisk.Of("CVaR", problem.Returns, w), cvar, 1e-14);
    }

    [Fact]
    public void Scenario_risk_cdar_uses_uncompounded_drawdowns()
    {
        var problem = RiskfolioFixture.Problem();
        var w = IndependentRisk.RandomPortfolio(new Random(5), problem.Count);

        var cdar = ScenarioRisk.Evaluate(RiskMeasure.ConditionalDrawdownAtRisk, problem.Returns, w, 0.05);

        Assert.Equal(IndependentRisk.Of("CDaR", problem.Returns, w), cdar, 1e-14);
    }
}
