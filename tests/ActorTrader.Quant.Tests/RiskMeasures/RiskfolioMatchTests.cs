using ActorTrader.Quant.Portfolio;
using ActorTrader.Quant.Portfolio.RiskMeasures;
using ActorTrader.Quant.Tests.Riskfolio;

namespace ActorTrader.Quant.Tests.RiskMeasures;

/// <summary>Weights against Riskfolio-Lib's tests/Classic_*.csv (BSD-3-Clause), per file and risk-measure column.</summary>
public class RiskfolioMatchTests
{
    private static void AssertMatches(IPortfolioOptimizer optimizer, string file, string column)
    {
        var expected = RiskfolioData.ExpectedWeights(file, column);

        var actual = optimizer.Optimize(RiskfolioFixture.Problem());

        var (error, asset) = RiskfolioFixture.MaxError(actual, expected);
        Assert.True(error <= RiskfolioFixture.WeightTolerance,
            $"{optimizer.Name} vs {file}.{column}: max |Δw| = {error:E2} at {asset}; got [{string.Join(", ", actual.Weights.Select(w => w.ToString("F6", System.Globalization.CultureInfo.InvariantCulture)))}]");
    }

    [Theory]
    [InlineData("MAD")]
    [InlineData("CVaR")]
    [InlineData("CDaR")]
    [InlineData("MDD")]
    public void Minimum_risk_weights_match_Riskfolio_MinRisk(string column) =>
        AssertMatches(new MinimumRiskOptimizer(RiskfolioFixture.Measure(column)), "Classic_MinRisk", column);

    [Theory]
    [InlineData("MAD")]
    [InlineData("CVaR")]
    [InlineData("CDaR")]
    [InlineData("MDD")]
    public void Return_risk_ratio_weights_match_Riskfolio_Sharpe(string column) =>
        AssertMatches(new RiskReturnRatioOptimizer(RiskfolioFixture.Measure(column)), "Classic_Sharpe", column);

    [Theory]
    [InlineData("MAD")]
    [InlineData("CVaR")]
    [InlineData("CDaR")]
    public void Risk_parity_weights_match_Riskfolio_RP(string column) =>
        AssertMatches(new RiskBudgetingOptimizer(RiskfolioFixture.Measure(column)), "Classic_RP", column);
}
